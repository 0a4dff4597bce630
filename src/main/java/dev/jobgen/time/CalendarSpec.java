package dev.jobgen.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A systemd calendar event (man systemd.time(7), "Calendar Events"): parse, normalize and compute
 * elapses exactly as systemd 252 does. Pure: the local zone and every instant are parameters.
 */
public final class CalendarSpec {
    private CalendarSpec() {}

    /**
     * Parses {@code text} as systemd would with {@code TZ} set to {@code localZone} (the local zone
     * decides whether a suffix such as {@code CEST} is a DST flag or a zone name).
     */
    public static CalendarSpec parse(String text, ZoneId localZone) throws CalendarException {
        throw new UnsupportedOperationException("CalendarSpec is implemented by the calendar-engine work");
    }

    /** systemd's "Normalized form". */
    public String normalized() {
        throw new UnsupportedOperationException();
    }

    /** The first elapse strictly after {@code after}, or empty when it never elapses again. */
    public Optional<Instant> next(Instant after) {
        throw new UnsupportedOperationException();
    }

    /** The latest elapse at or before {@code at} (the runner's period), or empty when there is none. */
    public Optional<Instant> latestAtOrBefore(Instant at) {
        throw new UnsupportedOperationException();
    }
}
