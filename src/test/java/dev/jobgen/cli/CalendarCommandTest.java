package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, String> BERLIN = Map.of("TZ", "Europe/Berlin");

    @Test
    void printsTheLayoutOfSystemdAnalyze() {
        CliRun r = CliRun.of(CLOCK, BERLIN, "calendar", "--iterations", "2", "Mon *-*-* 12:00", "*-02-30");
        assertEquals(0, r.status(), r.err());
        assertEquals(String.join("\n",
                "  Original form: Mon *-*-* 12:00",
                "Normalized form: Mon *-*-* 12:00:00",
                "    Next elapse: Mon 2026-01-05 12:00:00 CET",
                "       (in UTC): Mon 2026-01-05 11:00:00 UTC",
                "       From now: 4 days left",
                "       Iter. #2: Mon 2026-01-12 12:00:00 CET",
                "       (in UTC): Mon 2026-01-12 11:00:00 UTC",
                "       From now: 1 week 4 days left",
                "",
                "  Original form: *-02-30",
                "Normalized form: *-02-30 00:00:00",
                "    Next elapse: never",
                ""), r.out());
    }

    @Test
    void leavesOutUtcLinesAndOriginalFormWhenTheyAddNothing() {
        CliRun r = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--base-time", "@1767225600.5", "*-*-* 00:00:00");
        assertEquals(String.join("\n",
                "Normalized form: *-*-* 00:00:00",
                "    Next elapse: Fri 2026-01-02 00:00:00 UTC",
                "       From now: 24h left",
                ""), r.out());
    }

    @Test
    void printsTheJsonOfTheDesign() throws Exception {
        CliRun r = CliRun.of(CLOCK, BERLIN, "calendar", "--format", "json", "--iterations", "3",
                "--base-time", "2026-01-01T00:00:00.5Z", "*:*:0/0.25", "nonsense");
        assertEquals(1, r.status());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(2, root.size());
        JsonNode ok = root.get(0);
        assertEquals("*:*:0/0.25", ok.get("expression").asText());
        assertTrue(ok.get("valid").asBoolean());
        assertEquals("*-*-* *:*:00/0.250000", ok.get("normalized").asText());
        assertEquals("[\"2026-01-01T00:00:00.75Z\",\"2026-01-01T00:00:01Z\",\"2026-01-01T00:00:01.25Z\"]",
                ok.get("next").toString());
        assertTrue(ok.get("error").isNull());
        JsonNode bad = root.get(1);
        assertEquals(false, bad.get("valid").asBoolean());
        assertTrue(bad.get("normalized").isNull());
        assertEquals(0, bad.get("next").size());
        assertTrue(bad.get("error").asText().contains("column 1"), bad.get("error").asText());
    }

    @Test
    void anInvalidExpressionIsReportedWithItsColumnAndExitsOne() {
        CliRun r = CliRun.of(CLOCK, BERLIN, "calendar", "daily", "Mon..Fri 12:61");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("  Original form: daily\n"), r.out());
        assertEquals("jobgen: invalid calendar expression 'Mon..Fri 12:61': minute out of range (0..59),"
                + " or a repetition that does not fit (column 13)\n", r.err());
    }

    @Test
    void theLocalZoneDecidesWhatAnAbbreviationMeans() {
        CliRun berlin = CliRun.of(CLOCK, BERLIN, "calendar", "--format", "json", "daily CEST");
        CliRun utc = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--format", "json", "daily CEST");
        assertTrue(berlin.out().contains("\"valid\" : true"), berlin.out());
        assertTrue(utc.out().contains("\"valid\" : false"), utc.out());
    }

    @Test
    void expressionsAfterDoubleDashMayStartWithADash() {
        CliRun r = CliRun.of(CLOCK, BERLIN, "calendar", "--", "-1");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("invalid calendar expression '-1'"), r.err());
    }

    @Test
    void aBadBaseTimeIsAUsageError() {
        CliRun r = CliRun.of(CLOCK, BERLIN, "calendar", "--base-time", "yesterday", "daily");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--base-time"), r.err());
        assertEquals(2, CliRun.of(CLOCK, BERLIN, "calendar", "--base-time", "@1.0000001", "daily").status());
    }

    @Test
    void baseTimeTakesEpochSecondsWithAFraction() {
        assertEquals(Instant.parse("2026-01-01T00:00:00.5Z"), CalendarCommand.parseBase("@1767225600.5"));
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), CalendarCommand.parseBase("2026-01-01T02:00:00+01:00"));
    }

    /** The rows of the recorded tables (conformance/N/) where these versions answer differently. */
    @Test
    void answersLikeTheSystemdItIsTold() throws Exception {
        Map<String, String> newYork = Map.of("TZ", "America/New_York");
        String[] firstOfTheWeek = {"calendar", "--format", "json", "--iterations", "5", "--base-time", "2026-01-01T00:00:00Z", "*-*-1/7 06:00"};
        assertEquals("[\"2026-01-08T11:00:00Z\",\"2026-01-15T11:00:00Z\",\"2026-01-22T11:00:00Z\",\"2026-01-29T11:00:00Z\",\"2026-02-08T11:00:00Z\"]",
                next(CliRun.of(CLOCK, newYork, withVersion(firstOfTheWeek, "247"))));
        assertEquals("[\"2026-01-08T11:00:00Z\",\"2026-01-15T11:00:00Z\",\"2026-01-22T11:00:00Z\",\"2026-01-29T11:00:00Z\",\"2026-02-01T11:00:00Z\"]",
                next(CliRun.of(CLOCK, newYork, withVersion(firstOfTheWeek, "252"))));
        assertEquals("[\"2026-01-01T11:00:00Z\",\"2026-01-08T11:00:00Z\",\"2026-01-15T11:00:00Z\",\"2026-01-22T11:00:00Z\",\"2026-01-29T11:00:00Z\"]",
                next(CliRun.of(CLOCK, newYork, withVersion(firstOfTheWeek, "257"))));
        CliRun seconds247 = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "247", "*:*:0..59");
        assertTrue(seconds247.out().contains("Normalized form: *-*-* *:*:*\n"), seconds247.out());
        CliRun seconds252 = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "252", "*:*:0..59");
        assertTrue(seconds252.out().contains("Normalized form: *-*-* *:*:00..59\n"), seconds252.out());
    }

    @Test
    void warnsAboutWeekdaysThatExcludeAFixedDateFromSystemd259On() {
        CliRun quiet = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "257", "fri 2030-01-23 6..17:57");
        CliRun warned = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "262", "fri 2030-01-23 6..17:57");
        assertEquals("", quiet.err());
        assertEquals("Weekday constraint does not match the fixed date 2030-01-23 (which is a Wed), so this timer will never elapse.\n",
                warned.err());
        assertEquals(quiet.out(), warned.out());
        assertTrue(warned.out().contains("    Next elapse: never\n"), warned.out());
        assertEquals(0, warned.status());
    }

    private static String[] withVersion(String[] args, String version) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        System.arraycopy(args, 1, out, 3, args.length - 1);
        out[1] = "--systemd-version";
        out[2] = version;
        return out;
    }

    private static String next(CliRun r) throws Exception {
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out()).get(0).get("next").toString();
    }

    @Test
    void labelsIterationsLikeTheSystemdItIsToldAndRefusesAVersionOutsideTheTargetRange() {
        CliRun old = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "253", "--iterations", "2", "daily");
        CliRun current = CliRun.of(CLOCK, Map.of("TZ", "UTC"), "calendar", "--systemd-version", "254", "--iterations", "2", "daily");
        assertTrue(old.out().contains("       Iter. #2: Sat 2026-01-03 00:00:00 UTC\n"), old.out());
        assertTrue(current.out().contains("   Iteration #2: Sat 2026-01-03 00:00:00 UTC\n"), current.out());
        CliRun refused = CliRun.of(CLOCK, Map.of(), "calendar", "--systemd-version", "229", "daily");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--systemd-version must be between 230 and 999"), refused.err());
    }
}
