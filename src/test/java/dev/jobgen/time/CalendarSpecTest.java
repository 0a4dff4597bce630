package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalendarSpecTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The latest elapse at or before {@code at}, by walking forward from well before it. */
    private static Optional<Instant> walk(CalendarSpec spec, Instant at, Duration back) {
        Optional<Instant> last = Optional.empty();
        Instant t = at.minus(back);
        while (true) {
            Optional<Instant> n = spec.next(t);
            if (n.isEmpty() || n.get().isAfter(at)) {
                return last;
            }
            last = n;
            t = n.get();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'*-*-* 02:00:00', 2026-06-15T10:00:00Z, P3D",
        "'*:0/15', 2026-06-15T10:07:30Z, PT2H",
        "'*:0/15', 2026-06-15T10:15:00Z, PT2H",
        "'Mon *-*-* 09:00', 2026-06-15T06:59:59.999999Z, P15D",
        "'*-*-* *:*:0/0.25', 2026-06-15T10:00:00.1Z, PT10S",
        "'hourly', 2026-03-29T01:30:00Z, P1D",
        "'hourly', 2026-10-25T01:30:00Z, P1D",
        "'monthly', 2026-03-31T00:00:00Z, P70D",
        "'*-02-29 12:00', 2026-06-15T10:00:00Z, P1500D",
        "'quarterly', 2026-01-01T00:00:00Z, P200D",
    })
    void latestAtOrBeforeIsTheLastElapseNotAfterTheInstant(String expr, String at, String back) throws Exception {
        CalendarSpec spec = CalendarSpec.parse(expr, BERLIN);
        Instant when = Instant.parse(at);
        assertEquals(walk(spec, when, Duration.parse(back)), spec.latestAtOrBefore(when));
    }

    @Test
    void latestAtOrBeforeIncludesTheInstantItself() throws Exception {
        CalendarSpec spec = CalendarSpec.parse("*-*-* 12:00", ZoneId.of("UTC"));
        assertEquals(Optional.of(Instant.parse("2026-05-01T12:00:00Z")), spec.latestAtOrBefore(Instant.parse("2026-05-01T12:00:00Z")));
        assertEquals(Optional.empty(), CalendarSpec.parse("2030-01-01", BERLIN).latestAtOrBefore(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void nextIsStrictlyAfterWithMicroseconds() throws Exception {
        CalendarSpec spec = CalendarSpec.parse("*:*:00.5", ZoneId.of("UTC"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00.5Z")), spec.next(Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:01:00.5Z")), spec.next(Instant.parse("2026-01-01T00:00:00.5Z")));
    }

    @Test
    void errorsCarryTheOffsetOfTheBadPart() {
        CalendarException e = assertThrows(CalendarException.class, () -> CalendarSpec.parse("Mon *-*-* 12:7x", BERLIN));
        assertEquals(14, e.index());
        CalendarException range = assertThrows(CalendarException.class, () -> CalendarSpec.parse("*-*-31/40", BERLIN));
        assertEquals(4, range.index());
        assertTrue(range.getMessage().contains("day"), range.getMessage());
        CalendarException zone = assertThrows(CalendarException.class, () -> CalendarSpec.parse("daily Mars/Olympus", BERLIN));
        assertEquals(6, zone.index());
        assertTrue(zone.getMessage().contains("time zone"), zone.getMessage());
    }

    @Test
    void aLongListIsRefused() {
        String many = "*:" + "5,".repeat(241) + "5";
        assertThrows(CalendarException.class, () -> CalendarSpec.parse(many, BERLIN));
        String enough = "*:" + "5,".repeat(240) + "5";
        assertTrue(assertDoesNotThrow(enough).normalized().endsWith(":05:00"));
    }

    private static CalendarSpec assertDoesNotThrow(String text) {
        try {
            return CalendarSpec.parse(text, BERLIN);
        } catch (CalendarException e) {
            throw new AssertionError(e);
        }
    }
}
