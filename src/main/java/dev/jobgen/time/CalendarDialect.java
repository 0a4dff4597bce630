package dev.jobgen.time;

/**
 * Where systemd versions read or compute a calendar event differently, as the matrix recorded
 * them on the real systemd (src/test/resources/conformance/N/calendar.jsonl.gz, N = 247, 252,
 * 254, 257, 262). Versions between two recorded ones take the older behaviour up to the version
 * named here, which is an estimate where the neighbours were not booted (noted per flag).
 *
 * @param keepsMovedFields before systemd 251 (247 recorded with it, 252 without; the reset of
 *        the smaller fields is upstream pull request 22833, merged for 251, and the other parts
 *        may have changed a version or two earlier: 248 to 250 were not booted): when mktime() moves a field
 *        that ran past its end (day 36 of a month, hour 26), the search goes on from the moved
 *        time as it is, so a list or repetition can skip its first values of the next period
 *        ({@code *-*-1/7} from the 29th lands on the 5th and goes on to the 8th); no refusal to go
 *        back in time, no retry an hour later when a DST change lets the wall clock run back,
 *        and the seconds print as {@code *} for any lone range or repetition from 0 by 1
 *        ({@code 0..3} too), but not when a list follows it.
 * @param restartsMovedYear from systemd 257 (254 recorded without it, 255 and 256 not booted):
 *        a date moved into the next year starts that year from January 1st, where 250..256 reset
 *        only the month and keep the day of the month.
 * @param warnsFixedDateWeekday from systemd 259 (257 recorded without it, 262 with it; upstream
 *        issue 40350 asked for it against 258):
 *        {@code systemd-analyze calendar} warns when the weekdays can never meet a fixed date.
 */
record CalendarDialect(boolean keepsMovedFields, boolean restartsMovedYear, boolean warnsFixedDateWeekday) {
    static final int RESETS_MOVED_FIELDS = 251;
    static final int RESTARTS_MOVED_YEAR = 257;
    static final int WARNS_FIXED_DATE_WEEKDAY = 259;

    static CalendarDialect of(int systemdVersion) {
        return new CalendarDialect(systemdVersion < RESETS_MOVED_FIELDS, systemdVersion >= RESTARTS_MOVED_YEAR,
                systemdVersion >= WARNS_FIXED_DATE_WEEKDAY);
    }
}
