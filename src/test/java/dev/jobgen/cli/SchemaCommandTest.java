package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jobgen.bind.CatalogueKeys;
import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code jobgen schema} checked by a real JSON Schema validator (networknt, draft 2020-12): every
 * example catalogue is valid, and every invalid fixture whose errors are structural (an unknown
 * key, a value of the wrong type, a missing required key) is rejected.
 */
class SchemaCommandTest {
    private static final Path PROJECT = GoldenFiles.projectDir();
    private static final Pattern ERROR = Pattern.compile("^\\s*# ERROR: ([a-z-]+)\\b(.*)$", Pattern.MULTILINE);

    private static JsonSchema schema() throws IOException {
        CliRun run = CliRun.of(Clock.systemUTC(), Map.of(), "schema");
        assertEquals(0, run.status(), run.err());
        JsonNode node = new ObjectMapper().readTree(run.out());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    /** A catalogue as the JSON a YAML editor or linter validates. */
    private static JsonNode json(Path yaml) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Object tree = new Yaml(options).load(Files.readString(yaml, StandardCharsets.UTF_8));
        return new ObjectMapper().valueToTree(tree);
    }

    private static List<Path> catalogues(Path dir, int depth) throws IOException {
        try (Stream<Path> files = Files.find(dir, depth, (p, a) -> a.isRegularFile() && p.toString().endsWith(".yaml"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void everyExampleIsValid() throws IOException {
        JsonSchema schema = schema();
        List<Path> examples = catalogues(PROJECT.resolve("examples"), 3);
        assertTrue(examples.size() >= 7, "examples found: " + examples);
        for (Path example : examples) {
            Set<ValidationMessage> errors = schema.validate(json(example));
            assertEquals(Set.of(), errors, example.toString());
        }
    }

    @Test
    void everyStructurallyInvalidFixtureIsRejected() throws IOException {
        JsonSchema schema = schema();
        List<String> checked = new ArrayList<>();
        for (Path fixture : catalogues(PROJECT.resolve("src/test/resources/invalid"), 1)) {
            if (!structural(Files.readString(fixture))) {
                continue;
            }
            assertFalse(schema.validate(json(fixture)).isEmpty(), fixture + " passes the schema");
            checked.add(fixture.getFileName().toString());
        }
        assertTrue(checked.containsAll(List.of("types.yaml", "unknown-keys.yaml", "no-format.yaml")), "checked: " + checked);
    }

    @Test
    void theSchemaDescribesEveryKeyOfTheBinder() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SchemaCommand.text());
        assertEquals(CatalogueKeys.CATALOGUE.names(), fieldNames(schema.get("properties")));
        assertEquals(CatalogueKeys.JOB.names(), fieldNames(schema.at("/$defs/job/properties")));
        assertEquals(CatalogueKeys.RETRY.names(), fieldNames(schema.at("/$defs/job/properties/retry/properties")));
    }

    @Test
    void theShippedCopyBesideTheExamplesIsCurrent() throws IOException {
        GoldenFiles.assertMatches("schema", PROJECT.resolve("examples/schema"),
                Map.of("catalogue.schema.json", (SchemaCommand.text() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Whether the fixture expects an error the schema can see: an unknown key, a value of the
     * wrong type, or a missing key the format requires everywhere (a job's command may come
     * from defaults, so its absence is the binder's to judge).
     */
    private static boolean structural(String text) {
        Matcher m = ERROR.matcher(text);
        while (m.find()) {
            String code = m.group(1);
            if (code.equals("unknown-key") || code.equals("wrong-type")) {
                return true;
            }
            if (code.equals("missing-key")) {
                for (String required : CatalogueKeys.CATALOGUE.required()) {
                    if (m.group(2).contains("'" + required + "'")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
