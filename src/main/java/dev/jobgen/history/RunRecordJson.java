package dev.jobgen.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jobgen.history.RunRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RunRecord} to and from one JSON object: written by hand, read with jackson-core's streaming
 * API (databind would cost tens of milliseconds of class loading). Field names are public interface.
 */
public final class RunRecordJson {
    private RunRecordJson() {}

    /** Built on first {@link #parse}, so writing a line loads no jackson class. */
    private static final class Reader {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /**
     * One line of JSON, without the newline. Written by hand, byte for byte what jackson-core's
     * generator wrote: this runs on every {@code jobgen run}, and the generator alone loads some 70
     * jackson classes there. Reading ({@link #parse}) keeps the streaming parser.
     */
    public static String toJson(RunRecord r) {
        StringBuilder sb = new StringBuilder(256).append('{');
        string(sb, "run_id", r.runId()).append(',');
        string(sb, "job", r.job()).append(',');
        if (r.period().isPresent()) {
            string(sb, "period", IsoInstant.format(r.period().get())).append(',');
        } else {
            sb.append("\"period\":null,");
        }
        string(sb, "start", IsoInstant.format(r.start())).append(',');
        string(sb, "end", IsoInstant.format(r.end())).append(',');
        sb.append("\"duration_ms\":").append(r.durationMillis()).append(',');
        sb.append("\"attempts\":").append(r.attempts()).append(',');
        string(sb, "outcome", r.outcome().id()).append(',');
        sb.append("\"exit_code\":").append(r.exitCode()).append(',');
        return string(sb, "host", r.host()).append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** {@code "name":"value"}, escaping as jackson does: quote, backslash, control characters. */
    private static StringBuilder string(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Parses one line; empty when it is not a run record (a torn or foreign line is skipped, not fatal). */
    public static Optional<RunRecord> parse(String line) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = Reader.FACTORY.createParser(line)) {
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
