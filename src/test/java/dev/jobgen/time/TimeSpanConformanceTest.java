package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every recorded answer of systemd 252's {@code systemd-analyze timespan} (conformance/timespan.jsonl). */
class TimeSpanConformanceTest {
    private static final String CORPUS = "/conformance/timespan.jsonl";

    @TestFactory
    Stream<DynamicTest> everyRecordedSpan() throws IOException {
        List<JsonNode> rows = rows();
        assertTrue(rows.size() > 1000, "corpus looks truncated: " + rows.size() + " rows");
        return rows.stream().map(row -> DynamicTest.dynamicTest(
                row.get("source").asText() + ": " + printable(row.get("span").asText()), () -> check(row)));
    }

    private static void check(JsonNode row) {
        String span = row.get("span").asText();
        if (row.get("valid").asBoolean()) {
            TimeSpan parsed = assertParses(span);
            assertEquals(row.get("usec").bigIntegerValue().toString(), parsed.usecString(), "usec of " + printable(span));
            assertEquals(row.get("normalized").asText(), parsed.normalized(), "Human of " + printable(span));
        } else {
            TimeSpanException e = assertThrows(TimeSpanException.class, () -> TimeSpan.parse(span),
                    "systemd rejects " + printable(span));
            assertTrue(e.index() >= 0 && e.index() <= span.length(), "index inside the text: " + e.index());
        }
    }

    private static TimeSpan assertParses(String span) {
        try {
            return TimeSpan.parse(span);
        } catch (TimeSpanException e) {
            throw new AssertionError("systemd accepts " + printable(span) + " but we said: " + e.getMessage()
                    + " at " + e.index(), e);
        }
    }

    static List<JsonNode> rows() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = TimeSpanConformanceTest.class.getResourceAsStream(CORPUS);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        }
        return rows;
    }

    /** Test names must stay on one line and show invisible characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder("'");
        s.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(s.length() > 80 ? "...'" : "'").toString();
    }
}
