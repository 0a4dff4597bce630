package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jobgen.cli.CliContext;
import dev.jobgen.cli.Jobgen;
import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Public crontabs no one on this project wrote ({@code ../shared/realworld/crontabs}: files with
 * their sources in {@code manifest.jsonl}, and whether their lines have a user field), through the
 * real CLI: every one imports without a crash, every message is a {@code FILE:LINE:} line, and
 * every catalogue written passes {@code jobgen validate}. The corpus is read where it lies
 * ({@code JOBGEN_SHARED_REALWORLD}, else {@code ../shared/realworld} beside the project), never
 * copied into the repository; without it the test is skipped and says why.
 */
class RealWorldCrontabsTest {
    private static final Pattern MESSAGE = Pattern.compile("/corpus/[^:]+:[0-9]+: (warning|error): .+");
    private static final Pattern SKIPPED = Pattern.compile("import-crontab: skipped [0-9]+ lines? with errors .*");
    private static final Pattern WEAK_NAME = Pattern.compile("job(-[0-9]+)?|[0-9-]+|random(-[0-9]+)?");

    private static Path corpus;
    private static List<JsonNode> manifest;
    /** Each crontab imported once without and once with --skip-invalid, by file name. */
    private static final Map<String, Run> PLAIN = new HashMap<>();
    private static final Map<String, Run> SKIPPING = new HashMap<>();

    @BeforeAll
    static void findCorpus() throws IOException {
        String env = System.getenv("JOBGEN_SHARED_REALWORLD");
        Path root = env != null && !env.isEmpty() ? Path.of(env)
                : GoldenFiles.projectDir().resolve("../shared/realworld").normalize();
        corpus = root.resolve("crontabs");
        if (!Files.isRegularFile(corpus.resolve("manifest.jsonl"))) {
            return; // each test is skipped with the reason (an assumption here would hide them from the report)
        }
        ObjectMapper json = new ObjectMapper();
        manifest = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                manifest.add(json.readTree(line));
            }
        }
        assertTrue(manifest.size() >= 100, "the corpus holds " + manifest.size() + " crontabs");
        for (JsonNode entry : manifest) {
            PLAIN.put(entry.get("file").asText(), run(entry, false));
            SKIPPING.put(entry.get("file").asText(), run(entry, true));
        }
    }

    @BeforeEach
    void needsTheCorpus() {
        Assumptions.assumeTrue(manifest != null, "no real-world crontab corpus at " + corpus
                + " (set JOBGEN_SHARED_REALWORLD to the shared realworld directory)");
    }

    /** One import in an in-memory file system holding the crontab at /corpus/NAME. */
    private record Run(int exit, String stderr, String catalogue, int validateExit, String validateErr) {}

    private static Run run(JsonNode entry, boolean skipInvalid) throws IOException {
        String name = entry.get("file").asText();
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/out").build())) {
            Files.createDirectories(fs.getPath("/corpus"));
            Files.createDirectories(fs.getPath("/out"));
            Files.write(fs.getPath("/corpus", name), Files.readAllBytes(corpus.resolve("files").resolve(name)));
            List<String> args = new ArrayList<>(List.of("import-crontab", "--user-field",
                    entry.get("user_field").asText().equals("yes") ? "yes" : "no", "--owner", "app", "-o", "catalogue.yaml"));
            if (skipInvalid) {
                args.add("--skip-invalid");
            }
            args.add("/corpus/" + name);
            StringWriter err = new StringWriter();
            int exit = cli(fs, err, args.toArray(String[]::new));
            Path written = fs.getPath("/out/catalogue.yaml");
            if (!Files.exists(written)) {
                return new Run(exit, err.toString(), null, -1, "");
            }
            StringWriter validateErr = new StringWriter();
            int validated = cli(fs, validateErr, "validate", "catalogue.yaml");
            return new Run(exit, err.toString(), Files.readString(written, StandardCharsets.UTF_8), validated,
                    validateErr.toString());
        }
    }

    private static int cli(FileSystem fs, StringWriter err, String... args) {
        CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err),
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC), fs, Map.of());
        return Jobgen.commandLine(ctx).execute(args);
    }

    @Test
    void everyCrontabImportsAndEveryCatalogueValidates() throws IOException {
        int written = 0;
        int refused = 0;
        for (JsonNode entry : manifest) {
            String name = entry.get("file").asText();
            Run plain = PLAIN.get(name);
            for (String line : plain.stderr().lines().toList()) {
                assertTrue(MESSAGE.matcher(line).matches(), name + ": not a FILE:LINE: message: " + line);
            }
            if (plain.exit() == 0) {
                written++;
                assertEquals(0, plain.validateExit(), name + ": the imported catalogue fails validate:\n" + plain.validateErr());
            } else {
                refused++;
                assertEquals(1, plain.exit(), name + "\n" + plain.stderr());
                assertEquals(null, plain.catalogue(), name + ": a failed import wrote a catalogue");
                assertTrue(plain.stderr().contains(": error: "), name + ": exit 1 without an error line\n" + plain.stderr());
            }

            Run skipping = SKIPPING.get(name);
            assertEquals(0, skipping.exit(), name + "\n" + skipping.stderr());
            for (String line : skipping.stderr().lines().toList()) {
                assertTrue(MESSAGE.matcher(line).matches() || SKIPPED.matcher(line).matches(), name + ": " + line);
            }
            assertEquals(0, skipping.validateExit(), name + ": --skip-invalid catalogue fails validate:\n" + skipping.validateErr());
        }
        assertEquals(manifest.size(), written + refused);
        assertTrue(written >= manifest.size() * 9 / 10, written + " of " + manifest.size() + " imported without an error");
    }

    /** The findings of the issue, over the whole corpus: no legend as a description, no weak or arithmetic names. */
    @Test
    void descriptionsAndNamesAreMeaningful() throws IOException {
        List<String> problems = new ArrayList<>();
        int jobs = 0;
        for (JsonNode entry : manifest) {
            Map<String, Object> catalogue = new Yaml().load(SKIPPING.get(entry.get("file").asText()).catalogue());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> byName = catalogue.get("jobs") instanceof Map<?, ?> m
                    ? (Map<String, Map<String, Object>>) m : Map.of();
            for (Map.Entry<String, Map<String, Object>> job : byName.entrySet()) {
                jobs++;
                String where = entry.get("file").asText() + " job " + job.getKey();
                if (WEAK_NAME.matcher(job.getKey()).matches()) {
                    problems.add(where + ": weak name");
                }
                Object description = job.getValue().get("description");
                if (description != null) {
                    String text = description.toString();
                    if (text.matches("(?i).*\\b(m h|min\\s+hour|minute\\s+hour|mn hr|dom mon dow)\\b.*")) {
                        problems.add(where + ": a column legend as description: " + text);
                    }
                    if (text.matches(".*(^|\\s)[0-9*][0-9*/,-]*\\s+[0-9*][0-9*/,-]*\\s+\\S+\\s+\\S+\\s+\\S+\\s+/.*")) {
                        problems.add(where + ": a commented-out job in the description: " + text);
                    }
                }
            }
        }
        assertTrue(jobs > 200, jobs + " jobs");
        assertEquals(List.of(), problems);
    }

    /** A user-field crontab line with a sixth schedule field is an error naming its line, as cron refuses it. */
    @Test
    void theExtraStarLinesAreErrorsNotUserStar() throws IOException {
        List<JsonNode> planets = manifest.stream().filter(e -> e.get("file").asText().endsWith("planet-group.cron")).toList();
        assertFalse(planets.isEmpty(), "the corpus has the planet-group.cron files");
        for (JsonNode entry : planets) {
            Run r = PLAIN.get(entry.get("file").asText());
            assertEquals(1, r.exit(), r.stderr());
            assertTrue(r.stderr().contains(":2: error: '*' is not a user name"), r.stderr());
            Run skipping = SKIPPING.get(entry.get("file").asText());
            assertFalse(skipping.catalogue().contains("user: \"*\""), skipping.catalogue());
        }
    }

    /** The CI and Kubernetes CronJob schedules of the corpus, as one crontab: every line converts, and it validates. */
    @Test
    void everyPublicScheduleConverts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder crontab = new StringBuilder();
        int lines = 0;
        for (String line : Files.readAllLines(corpus.resolve("schedules.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                crontab.append(json.readTree(line).get("schedule").asText()).append(" /usr/local/bin/task-").append(lines++)
                        .append('\n');
            }
        }
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/out").build())) {
            Files.createDirectories(fs.getPath("/out"));
            Files.writeString(fs.getPath("/out/schedules"), crontab.toString());
            StringWriter err = new StringWriter();
            assertEquals(0, cli(fs, err, "import-crontab", "--owner", "app", "-o", "catalogue.yaml", "schedules"),
                    err.toString());
            assertEquals(0, cli(fs, err, "validate", "catalogue.yaml"), err.toString());
            Map<String, Object> catalogue = new Yaml().load(Files.readString(fs.getPath("/out/catalogue.yaml")));
            assertEquals(lines, ((Map<?, ?>) catalogue.get("jobs")).size());
        }
    }
}
