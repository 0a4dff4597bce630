package dev.jobgen.time;

/**
 * The zone suffix of a calendar event (systemd.time(7): "a time zone specification may be
 * appended"). systemd 252 knows three cases, decided in this order: {@code UTC} (any case), one of
 * the local zone's own abbreviations (glibc's {@code tzname[0]}/{@code tzname[1]}), which is no
 * zone at all but a DST flag for the local zone, and the name of any tz database file.
 */
sealed interface SpecZone {
    /** The {@code UTC} suffix: elapses are computed with timegm(), no DST at all. */
    record Utc() implements SpecZone {}

    /**
     * No suffix ({@code dst} -1) or a local abbreviation: {@code dst} 0 or 1 is passed to mktime()
     * as {@code tm_isdst}, so the spec only lines up with the wall clock while the zone agrees.
     */
    record Local(int dst, String abbreviation) implements SpecZone {}

    /** A tz database name: systemd computes in a child process with {@code TZ} set to it. */
    record Named(String name, TzZone zone) implements SpecZone {}
}
