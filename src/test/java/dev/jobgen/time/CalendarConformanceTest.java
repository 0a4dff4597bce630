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
 * Rows where systemd hit its loop guard (EDEADLK) instead check that the engine finds elapses
 * that are strictly increasing and after the base.
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
                    Instant at = r.base();
                    for (int i = 0; i < 5; i++) {
                        Optional<Instant> n = spec.next(at);
                        assertTrue(n.isPresent(), "elapses again after " + at);
                        assertTrue(n.get().isAfter(at), n.get() + " is after " + at);
                        at = n.get();
                    }
                }));
    }
}
