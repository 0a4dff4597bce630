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
 * written by src/test/matrix/record-conformance.sh on the real systemd N): told version N
 * ({@code CalendarSpec.parse(text, zone, N)}, {@code TimeSpan.parse(text, N)}), the engine gives
 * the same validity, normalized form and next five elapses (to the second: the CLI prints no
 * fraction) for every calendar row, the same microseconds and "Human" form for every span. The
 * only exceptions are {@link #NOT_SYSTEMD}: rows whose answer comes from the recorded machine's
 * tz database, not from systemd, each with its reason.
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
                    DynamicTest.dynamicTest("calendar", () -> assertLikeVersion(version, calendar252, rows(dir.resolve("calendar.jsonl.gz")),
                            RecordedVersionsConformanceTest::calendarAnswer, row -> calendarMismatch(row, version))),
                    DynamicTest.dynamicTest("timespan", () -> assertLikeVersion(version, timespan252, rows(dir.resolve("timespan.jsonl.gz")),
                            RecordedVersionsConformanceTest::timespanAnswer, row -> timespanMismatch(row, version)))));
        });
    }

    private interface Check {
        Optional<String> mismatch(JsonNode row);
    }

    /**
     * Rows the engine does not reproduce, and why, as "version expression | TZ | base". Each is
     * a tz database matter of the recorded machine, not a systemd rule: the engine takes zone rules
     * from the JDK, and a default Debian 13 install has no legacy zone names (the lint
     * {@code legacy-timezone} warns about those).
     */
    static final java.util.Map<String, String> NOT_SYSTEMD = notSystemd();

    private static java.util.Map<String, String> notSystemd() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        String morocco = "Morocco's clock after 2026 differs between the JDK's tz rules and the recorded Debian 13's tzdata";
        for (int v : new int[] {257, 262}) {
            m.put(v + " Sun,Mon 2028-*-* 4..13:11 Africa/Casablanca | UTC | 2026-01-01T00:00:00Z", morocco);
            m.put(v + " Tue..Fri,WED,Wed..FRi,TuE 06-18 Africa/Casablanca | UTC | 2026-01-01T00:00:00Z", morocco);
            m.put(v + " Tue..Fri,WED,Wed..FRi,TuE 06-18 Africa/Casablanca | America/New_York | 2026-01-01T00:00:00Z", morocco);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A calendar row the recorded systemd refused because its suffix names a zone the machine did
     * not have: {@link TzLegacy} names on a default Debian 13 or newer (the engine accepts them,
     * as any systemd with tzdata-legacy installed does).
     */
    static boolean legacyZoneMissing(JsonNode row, int version) {
        if (row.get("valid").asBoolean() || !row.has("expr")) {
            return false;
        }
        String expr = row.get("expr").asText();
        int space = expr.lastIndexOf(' ');
        return space >= 0 && TzLegacy.missingOn(version, expr.substring(space + 1)).isPresent();
    }

    /**
     * Every row the engine told version N answers as N's table, except those in
     * {@link #NOT_SYSTEMD}; the rows where N answers unlike 252 are counted, to show the engine
     * follows the version and not one table.
     */
    private static void assertLikeVersion(int version, List<JsonNode> corpus, List<JsonNode> rows,
            java.util.function.Function<JsonNode, String> answer, Check check) {
        assertEquals(corpus.size(), rows.size(), "rows: one per corpus input");
        List<String> bad = new ArrayList<>();
        List<String> excused = new ArrayList<>();
        int legacyZones = 0;
        int unlike252 = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!answer.apply(row).equals(answer.apply(corpus.get(i)))) {
                unlike252++;
            }
            Optional<String> m = check.mismatch(row);
            if (m.isEmpty()) {
                continue;
            }
            String line = "row " + (i + 1) + ": " + row + "\n    engine: " + m.get();
            String key = row.has("expr") ? version + " " + row.get("expr").asText() + " | " + row.get("tz").asText() + " | "
                    + row.get("base").asText() : "";
            if (legacyZoneMissing(row, version)) {
                legacyZones++;
            } else if (NOT_SYSTEMD.containsKey(key)) {
                excused.add(line + "\n    why: " + NOT_SYSTEMD.get(key));
            } else {
                bad.add(line);
            }
        }
        System.out.println("systemd " + version + ": " + rows.size() + " rows, " + unlike252 + " answered unlike 252, "
                + (rows.size() - bad.size() - excused.size() - legacyZones) + " answered as recorded, " + legacyZones
                + " refused for a zone name the machine lacked (tzdata-legacy), " + excused.size() + " listed as not systemd"
                + (excused.isEmpty() ? "" : ":\n" + String.join("\n", excused)));
        assertTrue(bad.isEmpty(), () -> bad.size() + " of " + rows.size() + " rows differ from systemd " + version + ":\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
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

    static Optional<String> calendarMismatch(JsonNode row, int version) {
        boolean valid = row.get("valid").asBoolean();
        CalendarSpec spec;
        try {
            spec = CalendarSpec.parse(row.get("expr").asText(), ZoneId.of(row.get("tz").asText()), version);
        } catch (CalendarException e) {
            return valid ? Optional.of("rejected: " + e.getMessage()) : Optional.empty();
        }
        if (!valid) {
            return Optional.of("accepted as " + spec.normalized());
        }
        // systemd 259+ warns about weekdays that exclude a fixed date; the recorder keeps stderr in "error"
        String stderr = row.get("error").isNull() ? "" : row.get("error").asText();
        Optional<String> recordedWarning = stderr.startsWith("Weekday constraint") ? Optional.of(stderr) : Optional.empty();
        if (!spec.fixedDateWeekdayWarning().equals(recordedWarning)) {
            return Optional.of("warning " + spec.fixedDateWeekdayWarning().orElse("(none)"));
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
