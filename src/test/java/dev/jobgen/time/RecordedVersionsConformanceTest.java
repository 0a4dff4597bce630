package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobgen.testing.GoldenFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine against every systemd version the matrix recorded (src/test/resources/conformance/N/,
 * written by src/test/matrix/record-conformance.sh on the real systemd N): the same validity,
 * normalized form and next five elapses (to the second: the CLI prints no fraction) for every
 * calendar row, the same microseconds and "Human" form for every span, where the engine is told
 * that version ({@code TimeSpan.parse(text, version)}). The inputs are those of the 252 corpus, so
 * each row can be set against 252's answer: where the version answers like 252 the engine must
 * too; where it does not, the engine copies the version or the row is listed as not copied.
 */
class RecordedVersionsConformanceTest {
    private static final Path TABLES = GoldenFiles.projectDir().resolve("src/test/resources/conformance");

    @TestFactory
    Stream<DynamicContainer> everyRecordedVersion() throws IOException {
        List<Path> versions;
        try (Stream<Path> dirs = Files.list(TABLES)) {
            versions = dirs.filter(d -> d.getFileName().toString().matches("\\d+")).sorted().toList();
        }
        assertFalse(versions.isEmpty(), "no recorded version under " + TABLES);
        List<JsonNode> calendar252 = rows(TABLES.resolve("calendar.jsonl"));
        List<JsonNode> timespan252 = rows(TABLES.resolve("timespan.jsonl"));
        return versions.stream().map(dir -> {
            int version = Integer.parseInt(dir.getFileName().toString());
            return DynamicContainer.dynamicContainer("systemd " + version, Stream.of(
                    DynamicTest.dynamicTest("calendar", () -> assertLikeVersion(calendar252, rows(dir.resolve("calendar.jsonl.gz")),
                            RecordedVersionsConformanceTest::calendarAnswer, row -> calendarMismatch(row))),
                    DynamicTest.dynamicTest("timespan", () -> assertLikeVersion(timespan252, rows(dir.resolve("timespan.jsonl.gz")),
                            RecordedVersionsConformanceTest::timespanAnswer, row -> timespanMismatch(row, version)))));
        });
    }

    private interface Check {
        Optional<String> mismatch(JsonNode row);
    }

    /**
     * Every row the engine answers as recorded, except rows where this version answered unlike 252
     * and the engine does not (yet) copy that version: those are counted and shown, never hidden
     * among rows where every version agrees.
     */
    private static void assertLikeVersion(List<JsonNode> corpus, List<JsonNode> rows, java.util.function.Function<JsonNode, String> answer,
            Check check) {
        assertEquals(corpus.size(), rows.size(), "rows: one per corpus input");
        List<String> bad = new ArrayList<>();
        List<String> notCopied = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Optional<String> m = check.mismatch(row);
            if (m.isEmpty()) {
                continue;
            }
            String line = "row " + (i + 1) + ": " + row + "\n    engine: " + m.get();
            if (answer.apply(row).equals(answer.apply(corpus.get(i)))) {
                bad.add(line);
            } else {
                notCopied.add(line);
            }
        }
        if (!notCopied.isEmpty()) {
            System.out.println(notCopied.size() + " of " + rows.size() + " rows answered unlike 252 and not copied by the engine:\n"
                    + String.join("\n", notCopied));
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " of " + rows.size() + " rows differ where this version answers like 252:\n"
                + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    /** What a row says, to the second, comparable between the 252 corpus and a recorded table. */
    static String calendarAnswer(JsonNode row) {
        List<String> next = new ArrayList<>();
        row.get("next").forEach(n -> next.add(Instant.parse(n.asText()).truncatedTo(ChronoUnit.SECONDS).toString()));
        return row.get("valid").asBoolean() + " " + (row.get("next").isNull() ? "loop-guard" : row.get("normalized").asText() + " " + next);
    }

    static String timespanAnswer(JsonNode row) {
        return row.get("valid").asBoolean() + " " + row.get("usec") + " " + row.get("normalized");
    }

    static Optional<String> calendarMismatch(JsonNode row) {
        boolean valid = row.get("valid").asBoolean();
        CalendarSpec spec;
        try {
            spec = CalendarSpec.parse(row.get("expr").asText(), ZoneId.of(row.get("tz").asText()));
        } catch (CalendarException e) {
            return valid ? Optional.of("rejected: " + e.getMessage()) : Optional.empty();
        }
        if (!valid) {
            return Optional.of("accepted as " + spec.normalized());
        }
        if (row.get("next").isNull()) {
            // systemd's loop guard: it printed an error and no table, so there is nothing to compare
            return Optional.empty();
        }
        if (!spec.normalized().equals(row.get("normalized").asText())) {
            return Optional.of("normalized " + spec.normalized());
        }
        List<String> want = new ArrayList<>();
        row.get("next").forEach(n -> want.add(n.asText()));
        List<String> got = new ArrayList<>();
        Instant at = Instant.parse(row.get("base").asText());
        for (int i = 0; i < 5; i++) {
            Optional<Instant> n = spec.next(at);
            if (n.isEmpty()) {
                break;
            }
            at = n.get();
            got.add(at.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return got.equals(want) ? Optional.empty() : Optional.of("next " + got);
    }

    static Optional<String> timespanMismatch(JsonNode row, int version) {
        String span = row.get("span").asText();
        try {
            TimeSpan parsed = TimeSpan.parse(span, version);
            if (!row.get("valid").asBoolean()) {
                return Optional.of("accepted as " + parsed.normalized());
            }
            String got = parsed.usecString() + " " + parsed.normalized();
            String want = row.get("usec").bigIntegerValue() + " " + row.get("normalized").asText();
            return got.equals(want) ? Optional.empty() : Optional.of(got);
        } catch (TimeSpanException e) {
            return row.get("valid").asBoolean() ? Optional.of("rejected: " + e.getMessage()) : Optional.empty();
        }
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        boolean gz = file.getFileName().toString().endsWith(".gz");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                gz ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    rows.add(json.readTree(l));
                }
            }
        }
        return rows;
    }
}
