package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded answer of systemd 252 (src/test/resources/conformance/calendar.jsonl): the same
 * validity, normalized form and next five elapses to the microsecond, under the row's TZ and base.
 * Rows where systemd hit its loop guard (EDEADLK) instead check the engine's own answer: strictly
 * increasing elapses after the base, or "never" for {@code Sun *-03~07/1 02:30} in Europe/Berlin,
 * whose every match is 02:30 on the last Sunday of March, inside the spring-forward gap that
 * systemd skips.
 */
class CalendarConformanceTest {
    private static final List<ConformanceRow> ROWS = ConformanceRow.load();

    @TestFactory
    Stream<DynamicTest> systemdAnswers() {
        return ROWS.stream().filter(r -> !r.loopGuard()).map(r -> DynamicTest.dynamicTest(
                r.line() + " " + r.tz() + " " + r.expr(),
                () -> assertEquals(Optional.empty(), r.mismatch(), () -> "row " + r.line() + " (" + r.source() + ")")));
    }

    @TestFactory
    Stream<DynamicTest> loopGuardRowsGetRealElapses() {
        return ROWS.stream().filter(ConformanceRow::loopGuard).map(r -> DynamicTest.dynamicTest(
                r.line() + " " + r.tz() + " " + r.expr(), () -> {
                    CalendarSpec spec = CalendarSpec.parse(r.expr(), ZoneId.of(r.tz()));
                    assertEquals(r.normalized(), spec.normalized());
                    boolean inGapEveryYear = r.expr().equals("Sun *-03~07/1 02:30") && r.tz().equals("Europe/Berlin");
                    Instant at = r.base();
                    if (inGapEveryYear) {
                        assertEquals(Optional.empty(), spec.next(at));
                        return;
                    }
                    for (int i = 0; i < 5; i++) {
                        Optional<Instant> n = spec.next(at);
                        assertTrue(n.isPresent(), "elapses again after " + at);
                        assertTrue(n.get().isAfter(at), n.get() + " is after " + at);
                        at = n.get();
                    }
                }));
    }
}
