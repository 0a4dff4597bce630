package dev.jobgen.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A systemd calendar event (man systemd.time(7), "Calendar Events"): parse, normalize and compute
 * elapses exactly as systemd 252 does, or as the version it is told where versions differ
 * ({@link CalendarDialect}). Pure: the local zone and every instant are parameters.
 *
 * <p>How: {@link CalendarParser} splits off the zone suffix ({@link SuffixSplit}) and reads the
 * fields, {@link CalendarNormalizer} brings them into systemd's canonical shape and checks them,
 * {@link CalendarPrinter} prints the "Normalized form", and {@link ElapseFinder} searches the next
 * elapse on broken-down local time with a model of glibc's mktime() ({@link LibcTime}), because
 * that is where systemd's answers around DST changes come from:
 *
 * <ul>
 *   <li>a time inside a DST gap ({@code 02:30} on a spring-forward day in Europe/Berlin) is moved
 *       by mktime() and systemd then takes the next time that matches after it, usually skipping
 *       the day; a repeated hour elapses once, with the offset mktime() lands on;
 *   <li>a local zone abbreviation as suffix ({@code daily CEST} under {@code TZ=Europe/Berlin}) is
 *       a DST flag: it only elapses while the zone's DST state agrees, otherwise never or an hour
 *       off;
 *   <li>dates that never occur ({@code *-02-30}) and fixed dates in the past never elapse;
 *   <li>where systemd 252 gives up with EDEADLK, the real elapses are computed instead.
 * </ul>
 */
public final class CalendarSpec {
    /** The version {@link #parse(String, ZoneId)} answers like: jobgen's default target. */
    public static final int DEFAULT_SYSTEMD_VERSION = 252;
    /**
     * The rules whose elapses include every other recorded version's (on every valid conformance row:
     * {@code CalendarPeriodsTest}): from here a date moved into the next year starts it from January
     * 1st, as cron does, where older versions keep the day of the month ({@link CalendarDialect}).
     */
    public static final int WIDEST_RULES_VERSION = CalendarDialect.RESTARTS_MOVED_YEAR;
    private final CalendarFields fields;
    private final int systemdVersion;
    private final String normalized;
    private final ElapseFinder finder;

    private CalendarSpec(CalendarFields fields, ZoneId localZone, int systemdVersion) {
        this.fields = fields;
        this.systemdVersion = systemdVersion;
        CalendarDialect dialect = CalendarDialect.of(systemdVersion);
        this.normalized = CalendarPrinter.print(fields, dialect);
        this.finder = new ElapseFinder(fields, TzData.local(localZone), dialect);
    }

    /**
     * Parses {@code text} as systemd would with {@code TZ} set to {@code localZone} (the local zone
     * decides whether a suffix such as {@code CEST} is a DST flag or a zone name).
     */
    public static CalendarSpec parse(String text, ZoneId localZone) throws CalendarException {
        return parse(text, localZone, DEFAULT_SYSTEMD_VERSION);
    }

    /**
     * Parses {@code text} and computes its elapses as that systemd version does, where versions
     * differ ({@link CalendarDialect}); one engine, the differences are flags on its steps.
     */
    public static CalendarSpec parse(String text, ZoneId localZone, int systemdVersion) throws CalendarException {
        CalendarParser.Parsed parsed = CalendarParser.parse(text, localZone);
        CalendarFields normal = CalendarNormalizer.normalize(parsed.fields());
        try {
            CalendarNormalizer.validate(normal);
        } catch (CalendarException e) {
            throw new CalendarException(e.getMessage(), parsed.fieldAt()[e.index()]);
        }
        return new CalendarSpec(normal, localZone, systemdVersion);
    }

    /** The same fields read as wall-clock times in UTC: which local times the event asks for. */
    CalendarSpec asWallClock() {
        CalendarFields f = fields;
        CalendarFields utc = new CalendarFields(f.weekdayBits(), f.endOfMonth(), f.year(), f.month(), f.day(), f.hour(),
                f.minute(), f.microsecond(), new SpecZone.Utc());
        return new CalendarSpec(utc, java.time.ZoneOffset.UTC, systemdVersion);
    }

    /** The zone whose wall clock the event follows: its suffix zone, else {@code localZone}. */
    ZoneId wallClockZone(ZoneId localZone) {
        if (fields.zone() instanceof SpecZone.Utc) {
            return java.time.ZoneOffset.UTC;
        }
        if (fields.zone() instanceof SpecZone.Named n) {
            return n.zone().id(); // as TzData resolved the suffix, aliases included
        }
        return localZone;
    }

    /**
     * The warning systemd 259 and later print when the weekdays exclude the one day a fixed date
     * can be ({@code Thu 2027-01-01}: never elapses); empty for earlier versions, which say
     * nothing, and for dates that do not occur at all.
     */
    public Optional<String> fixedDateWeekdayWarning() {
        if (!CalendarDialect.of(systemdVersion).warnsFixedDateWeekday() || fields.weekdayBits() <= 0 || fields.endOfMonth()) {
            return Optional.empty();
        }
        Integer year = fixed(fields.year());
        Integer month = fixed(fields.month());
        Integer day = fixed(fields.day());
        if (year == null || month == null || day == null) {
            return Optional.empty();
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        int weekday = date.getDayOfWeek().getValue() - 1; // bit 0 = Monday, as in the fields
        if ((fields.weekdayBits() & (1 << weekday)) != 0) {
            return Optional.empty();
        }
        String name = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
        return Optional.of("Weekday constraint does not match the fixed date " + date + " (which is a " + name
                + "), so this timer will never elapse.");
    }

    private static Integer fixed(java.util.List<CalendarComponent> chain) {
        return chain != null && chain.size() == 1 && chain.get(0).stop() < 0 && chain.get(0).repeat() == 0 ? chain.get(0).start() : null;
    }

    /** systemd's "Normalized form". */
    public String normalized() {
        return normalized;
    }

    /** The zone the elapses are computed in, when the event names one ({@code UTC} or a tz name). */
    public Optional<String> zoneName() {
        if (fields.zone() instanceof SpecZone.Utc) {
            return Optional.of("UTC");
        }
        return fields.zone() instanceof SpecZone.Named n ? Optional.of(n.name()) : Optional.empty();
    }

    /** The first elapse strictly after {@code after}, or empty when it never elapses again. */
    public Optional<Instant> next(Instant after) {
        return toInstant(finder.next(toMicros(after)));
    }

    /** The latest elapse at or before {@code at} (the runner's period), or empty when there is none. */
    public Optional<Instant> latestAtOrBefore(Instant at) {
        return toInstant(PeriodSearch.latestAtOrBefore(finder, toMicros(at)));
    }

    private static long toMicros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private static Optional<Instant> toInstant(OptionalLong usec) {
        if (usec.isEmpty()) {
            return Optional.empty();
        }
        long u = usec.getAsLong();
        return Optional.of(Instant.ofEpochSecond(Math.floorDiv(u, 1_000_000L), Math.floorMod(u, 1_000_000L) * 1000));
    }

    @Override
    public String toString() {
        return normalized;
    }
}
