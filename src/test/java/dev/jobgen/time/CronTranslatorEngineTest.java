package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proof: for every form and a few hundred random expressions, the translated lines,
 * evaluated by our own calendar engine over the whole leap year 2028, elapse at exactly the
 * minutes the crontab(5) oracle fires — checked minute by minute. The engine's elapses are walked
 * with {@link CalendarSpec#next} (one call per elapse, not one per minute) and compared as sets.
 * In Europe/Berlin the promise is "each wall-clock time once, at its first occurrence" (src/docs/cron.md).
 */
class CronTranslatorEngineTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @BeforeAll
    static void needsEngine() throws CalendarException {
        boolean available;
        try {
            CalendarSpec.parse("*-*-* 00:00:00", UTC).next(Instant.EPOCH);
            available = true;
        } catch (UnsupportedOperationException e) {
            available = false;
        }
        assumeTrue(available, "the calendar engine (CalendarSpec) has not landed on this branch yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin"})
    void engineElapsesExactlyWhenCronFiresForAWholeYear(String zoneName) throws CalendarException {
        ZoneId zone = ZoneId.of(zoneName);
        Instant start = LocalDate.of(2028, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.of(2029, 1, 1).atStartOfDay(zone).toInstant();
        MinuteTable table = new MinuteTable(zone, start, end);
        CronEquivalence eq = new CronEquivalence();
        List<String> corpus = CronEquivalence.corpus();
        for (String cron : corpus) {
            List<String> lines = CronEquivalence.lines(cron, zone);
            BitSet calendar = new BitSet(table.size());
            for (String line : lines) {
                // the zone comes from the suffix (Berlin) or from the node (UTC): parse with UTC as local zone
                CalendarSpec spec = CalendarSpec.parse(line, UTC);
                if (!spec.normalized().equals(line)) {
                    eq.fail("'" + cron + "': we wrote '" + line + "', the engine normalizes it to '" + spec.normalized() + "'");
                }
                Instant t = start.minusSeconds(1);
                for (Optional<Instant> next = spec.next(t); next.isPresent() && next.get().isBefore(end);
                        next = spec.next(next.get())) {
                    int i = table.indexOf(next.get());
                    if (i < 0) {
                        eq.fail("'" + line + "' elapses off the minute at " + next.get());
                        break;
                    }
                    calendar.set(i);
                }
            }
            eq.compare(cron, lines, table, calendar, table.cronMinutes(new CrontabEvaluator(cron), true), table.size());
        }
        assertEquals("", eq.report());
        assertEquals(corpus.size(), eq.checked());
    }
}
