package dev.jobgen.time;

/**
 * One element of a cron field list: the values {@code start, start+step, …} up to {@code end}
 * inclusive. A single value has {@code start == end}; {@code *} is the field's whole range.
 */
public record CronRange(int start, int end, int step) {
    public CronRange {
        if (start > end || step < 1) {
            throw new IllegalArgumentException("bad cron range " + start + "-" + end + "/" + step);
        }
    }
}
