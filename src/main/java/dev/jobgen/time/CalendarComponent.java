package dev.jobgen.time;

/**
 * One entry of a comma-separated calendar list: a value, an optional range end and an optional
 * repetition, as in {@code 05}, {@code 09..17}, {@code 00/15} or {@code 00..45/15}
 * (systemd.time(7), "Calendar Events"). Seconds are kept in microseconds, as systemd does, so a
 * fractional second is an ordinary integer here.
 *
 * @param start the first value
 * @param stop the last value of a range, or -1 when the entry repeats without end (or does not repeat)
 * @param repeat the step, or 0 for a single value
 */
record CalendarComponent(int start, int stop, int repeat) {
    static CalendarComponent single(int value) {
        return new CalendarComponent(value, -1, 0);
    }

    /** systemd's sort order for normalized lists: start, then stop, then repeat. */
    static int compare(CalendarComponent a, CalendarComponent b) {
        int c = Integer.compare(a.start, b.start);
        if (c == 0) {
            c = Integer.compare(a.stop, b.stop);
        }
        return c != 0 ? c : Integer.compare(a.repeat, b.repeat);
    }
}
