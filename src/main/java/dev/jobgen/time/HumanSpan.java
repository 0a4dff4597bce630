package dev.jobgen.time;

/**
 * systemd's "Human" form of a span ({@code format_timespan()} with microsecond accuracy, as
 * printed by {@code systemd-analyze timespan}).
 *
 * <p>Units from years down to microseconds, largest first, each with its integer count, separated
 * by blanks; units with a zero count are left out. Once the rest is below one minute and the
 * current unit does not divide it, the rest is written as one decimal number of that unit with as
 * many digits as the unit has microsecond decimals ({@code 5.500000s}, {@code 1.502ms}); trailing
 * zeros are kept. Zero is {@code 0}, 2^64-1 is {@code infinity}.
 */
final class HumanSpan {
    private static final SpanUnit[] LARGEST_FIRST = {
        SpanUnit.YEAR, SpanUnit.MONTH, SpanUnit.WEEK, SpanUnit.DAY, SpanUnit.HOUR,
        SpanUnit.MINUTE, SpanUnit.SEC, SpanUnit.MSEC, SpanUnit.USEC
    };

    private HumanSpan() {}

    static String format(long usec) {
        if (usec == -1L) {
            return "infinity";
        }
        if (usec == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        long rest = usec;
        for (SpanUnit unit : LARGEST_FIRST) {
            if (rest == 0) {
                break;
            }
            if (Long.compareUnsigned(rest, unit.usec) < 0) {
                continue;
            }
            long whole = Long.divideUnsigned(rest, unit.usec);
            long part = Long.remainderUnsigned(rest, unit.usec);
            out.append(out.length() == 0 ? "" : " ").append(Long.toUnsignedString(whole));
            int decimals = Long.toString(unit.usec).length() - 1;
            if (Long.compareUnsigned(rest, SpanUnit.MINUTE.usec) < 0 && part > 0 && decimals > 0) {
                String digits = Long.toString(part);
                out.append('.').append("0".repeat(decimals - digits.length())).append(digits);
                rest = 0;
            } else {
                rest = part;
            }
            out.append(unit.humanSuffix);
        }
        return out.toString();
    }
}
