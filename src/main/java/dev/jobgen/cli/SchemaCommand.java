package dev.jobgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.bind.CatalogueKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code jobgen schema}: the catalogue's JSON Schema (draft 2020-12), written from the key tables
 * the binder reads ({@link CatalogueKeys}), for editors (yaml-language-server) and CI linters. It
 * checks the structure: which keys exist, which values are maps, lists, single values, booleans
 * or numbers. Everything else (calendar syntax, paths, ranges) is `jobgen validate`'s.
 */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {"Print the catalogue's JSON Schema for editors and linters.",
                "The schema is the structure of the format: keys, maps, lists, value types."})
public final class SchemaCommand implements Callable<Integer> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CliContext ctx;

    public SchemaCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        ctx.out().println(text());
        return 0;
    }

    /** The schema as printed, two-space indented. */
    public static String text() throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema());
    }

    static ObjectNode schema() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "file://" + CatalogueKeys.SCHEMA_PATH);
        root.put("title", "jobgen catalogue");
        root.put("description", "A jobgen job catalogue (format 1): compiled into systemd timers and services by jobgen render and jobgen install.");
        ObjectNode job = table(CatalogueKeys.JOB);
        root.putObject("$defs").set("job", job);
        root.setAll(table(CatalogueKeys.CATALOGUE));
        return root;
    }

    private static ObjectNode table(CatalogueKeys.Table table) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        for (CatalogueKeys.Key key : table.keys()) {
            ObjectNode property = shape(key.shape());
            property.put("description", key.description());
            properties.set(key.name(), property);
        }
        node.put("additionalProperties", false);
        if (!table.required().isEmpty()) {
            ArrayNode required = node.putArray("required");
            table.keys().stream().map(CatalogueKeys.Key::name).filter(table.required()::contains).forEach(required::add);
        }
        return node;
    }

    /** A key's value; every one may also be null, which the binder reads as an absent key. */
    private static ObjectNode shape(CatalogueKeys.Shape shape) {
        if (shape instanceof CatalogueKeys.Nested n && n.table() == CatalogueKeys.JOB) {
            return anyOf(JSON.objectNode().put("$ref", "#/$defs/job"), types("null"));
        }
        if (shape instanceof CatalogueKeys.Nested n) {
            ObjectNode t = table(n.table());
            t.set("type", JSON.arrayNode().add("object").add("null"));
            return t;
        }
        if (shape instanceof CatalogueKeys.Named n) {
            ObjectNode node = types("object", "null");
            node.putObject("patternProperties").set("^" + n.namePattern() + "$", shape(n.value()));
            node.put("additionalProperties", false);
            return node;
        }
        if (shape instanceof CatalogueKeys.Values v) {
            ObjectNode list = types("array");
            list.set("items", types("string", "number", "boolean"));
            return v.singleOk() ? anyOf(list, types("string", "number", "boolean", "null")) : anyOf(list, types("null"));
        }
        if (shape instanceof CatalogueKeys.Bool) {
            return types("boolean", "null");
        }
        if (shape instanceof CatalogueKeys.Whole) {
            return types("integer", "null");
        }
        if (shape instanceof CatalogueKeys.Decimal) {
            return types("number", "null");
        }
        return types("string", "number", "boolean", "null");
    }

    private static ObjectNode types(String... names) {
        ObjectNode node = JSON.objectNode();
        if (names.length == 1) {
            node.put("type", names[0]);
        } else {
            ArrayNode types = node.putArray("type");
            for (String name : names) {
                types.add(name);
            }
        }
        return node;
    }

    private static ObjectNode anyOf(ObjectNode a, ObjectNode b) {
        ObjectNode node = JSON.objectNode();
        node.putArray("anyOf").add(a).add(b);
        return node;
    }
}
