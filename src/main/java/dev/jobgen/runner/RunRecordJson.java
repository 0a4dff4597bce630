package dev.jobgen.runner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RunRecord} to and from one JSON object, with jackson-core's streaming API (databind would
 * cost the runner tens of milliseconds of class loading). Field names are public interface.
 */
public final class RunRecordJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RunRecordJson() {}

    /** One line of JSON, without the newline. */
    public static String toJson(RunRecord r) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("run_id", r.runId());
            g.writeStringField("job", r.job());
            if (r.period().isPresent()) {
                g.writeStringField("period", IsoInstant.format(r.period().get()));
            } else {
                g.writeNullField("period");
            }
            g.writeStringField("start", IsoInstant.format(r.start()));
            g.writeStringField("end", IsoInstant.format(r.end()));
            g.writeNumberField("duration_ms", r.durationMillis());
            g.writeNumberField("attempts", r.attempts());
            g.writeStringField("outcome", r.outcome().id());
            g.writeNumberField("exit_code", r.exitCode());
            g.writeStringField("host", r.host());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses one line; empty when it is not a run record (a torn or foreign line is skipped, not fatal). */
    public static Optional<RunRecord> parse(String line) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
            return Optional.of(new RunRecord(
                    (String) fields.get("run_id"),
                    (String) fields.get("job"),
                    period((String) fields.get("period")),
                    IsoInstant.parse((String) fields.get("start")),
                    IsoInstant.parse((String) fields.get("end")),
                    ((Long) fields.getOrDefault("attempts", 0L)).intValue(),
                    Outcome.ofId((String) fields.get("outcome")),
                    ((Long) fields.getOrDefault("exit_code", 0L)).intValue(),
                    (String) fields.getOrDefault("host", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> period(String text) {
        return text == null ? Optional.empty() : Optional.of(IsoInstant.parse(text));
    }
}
