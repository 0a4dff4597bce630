package dev.jobgen.time;

/**
 * Reads a time span exactly as systemd 252's {@code parse_time()} with a default unit of seconds
 * (man systemd.time(7), "Parsing Time Spans"), which is what {@code systemd-analyze timespan} and
 * every {@code *Sec=} setting use.
 *
 * <p>A span is a sequence of components {@code NUMBER[.DIGITS] [UNIT]}, blanks allowed around
 * components and between a number and its unit; their values add up. Rules that are easy to get
 * wrong, all confirmed against the real {@code systemd-analyze}:
 * <ul>
 *   <li>The value is an unsigned 64-bit count of microseconds; {@code infinity} (alone, blanks
 *       around it allowed) is 2^64-1. Any sum reaching 2^64-1 is out of range.
 *   <li>Blanks are space, tab, CR and LF. The number itself is read like C's {@code strtoll}, which
 *       also skips vertical tab and form feed and accepts a sign: {@code +5} is five seconds,
 *       {@code -5} and even {@code -0} are out of range (negative), yet the integer part must fit
 *       a signed 64-bit number although the product with the unit may not.
 *   <li>A fraction needs at least one digit after the point, {@code .5} alone is fine, and each
 *       digit adds {@code digit * unit / 10^n} rounded down on its own, so fractions are cut, not
 *       rounded ({@code 1.9999999s} is 1999999 µs), and months and years lose a little per digit.
 *   <li>Units are prefix-matched and case-sensitive ({@code M} month, {@code m} minute); a number
 *       without a unit is seconds. A component may follow the previous one directly
 *       ({@code 5s5} is ten seconds) but a point may not follow a fraction ({@code 1.5.5}).
 * </ul>
 */
final class TimeSpanParser {
    private static final long INFINITY = -1L; // 2^64-1 as an unsigned long
    private static final String MAX_TEXT = "the largest finite span is 18446744073709551614us (about 584542 years)";

    private final String text;
    private int pos;
    private long total;

    private final int systemdVersion;

    private TimeSpanParser(String text, int systemdVersion) {
        this.text = text;
        this.systemdVersion = systemdVersion;
    }

    static TimeSpan parse(String text, int systemdVersion) throws TimeSpanException {
        return new TimeSpanParser(text, systemdVersion).span();
    }

    private TimeSpan span() throws TimeSpanException {
        pos = skipBlanks(0);
        if (text.startsWith("infinity", pos)) {
            int after = skipBlanks(pos + "infinity".length());
            if (after < text.length()) {
                throw fail("nothing may follow 'infinity'", after);
            }
            return TimeSpan.INFINITY;
        }
        boolean something = false;
        while (true) {
            pos = skipBlanks(pos);
            if (pos == text.length()) {
                if (!something) {
                    throw fail("empty time span: expected a number such as 30s, 5min or 1h 30min", pos);
                }
                return new TimeSpan(total);
            }
            component();
            something = true;
        }
    }

    /** One {@code NUMBER[.DIGITS] [UNIT]} at {@link #pos}, added to {@link #total}. */
    private void component() throws TimeSpanException {
        int start = pos;
        if (text.charAt(pos) == '-') {
            throw fail("negative time spans are not allowed", pos);
        }
        CNumber number = CNumber.read(text, pos);
        if (number.overflow() || number.value() < 0) {
            throw fail(number.overflow() ? "number too large: " + MAX_TEXT : "negative time spans are not allowed", start);
        }
        int end = number.end();
        boolean fraction = end < text.length() && text.charAt(end) == '.';
        if (fraction) {
            pos = skipDigits(end + 1);
        } else if (end == start) {
            throw fail(unexpected(start) + ": expected a number", start);
        } else {
            pos = end;
        }
        int unitStart = skipBlanks(pos);
        SpanUnit.Spelling spelling = unitAt(unitStart);
        long multiplier = spelling == null ? SpanUnit.SEC.usec : spelling.unit().usec;
        if (spelling == null && unitStart == pos && pos < text.length()) {
            throw fail(unknownUnit(pos), pos);
        }
        pos = spelling == null ? unitStart : unitStart + spelling.text().length();
        if (Long.compareUnsigned(number.value(), Long.divideUnsigned(INFINITY, multiplier)) >= 0) {
            throw fail("number too large: " + MAX_TEXT, start);
        }
        add(number.value() * multiplier, start);
        if (fraction) {
            int digit = end + 1;
            for (long m = multiplier / 10; digit < text.length() && isDigit(text.charAt(digit)); digit++, m /= 10) {
                add((text.charAt(digit) - '0') * m, start);
            }
            if (digit == end + 1) {
                throw fail("a decimal point must be followed by digits", end);
            }
        }
    }

    private void add(long usec, int at) throws TimeSpanException {
        if (Long.compareUnsigned(usec, INFINITY - total) >= 0) {
            throw fail("time span too large: " + MAX_TEXT, at);
        }
        total += usec;
    }

    private SpanUnit.Spelling unitAt(int at) {
        for (SpanUnit.Spelling s : SpanUnit.SPELLINGS) {
            if (text.startsWith(s.text(), at)
                    && (systemdVersion >= SpanUnit.GREEK_MU_SINCE || !s.text().equals(SpanUnit.GREEK_MU_USEC))) {
                return s;
            }
        }
        return null;
    }

    private String unknownUnit(int at) {
        int end = at;
        while (end < text.length() && !isBlank(text.charAt(end)) && !isDigit(text.charAt(end))) {
            end++;
        }
        String word = text.substring(at, Math.max(end, at + 1));
        return "unknown unit '" + word + "' (units are case-sensitive: " + SpanUnit.spellingList() + ")";
    }

    private String unexpected(int at) {
        int c = text.codePointAt(at);
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                ? String.format("unexpected U+%04X", c)
                : "unexpected '" + Character.toString(c) + "'";
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static TimeSpanException fail(String message, int at) {
        return new TimeSpanException(message, at);
    }

    /**
     * A number read like C's {@code strtoll(s, &end, 10)}: C white space, an optional sign, decimal
     * digits; {@code end} is where reading started when there are no digits.
     */
    record CNumber(long value, int end, boolean overflow) {
        static CNumber read(String s, int from) {
            int i = from;
            while (i < s.length() && (isBlank(s.charAt(i)) || s.charAt(i) == '\u000b' || s.charAt(i) == '\f')) {
                i++;
            }
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int digits = i;
            long value = 0;
            boolean overflow = false;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                int d = s.charAt(i) - '0';
                // accumulate negatively: the negative range of a long is one larger
                if (value < (Long.MIN_VALUE + d) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 - d;
                }
            }
            if (i == digits) {
                return new CNumber(0, from, false);
            }
            if (!negative && value == Long.MIN_VALUE) {
                overflow = true;
            }
            return new CNumber(negative ? value : -value, i, overflow);
        }
    }
}
