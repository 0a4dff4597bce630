package dev.jobgen.time;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a calendar event into {@link CalendarFields}, following the grammar systemd
 * 252 accepts (systemd.time(7), "Calendar Events"): {@code [WEEKDAYS] [[YEAR-]MONTH-DAY] [HH:MM[:SS]]
 * [ZONE]}, the shorthands, and {@code @EPOCH}.
 *
 * <p>Edge cases kept from systemd: the zone suffix is split off first (so {@code daily CET} means a
 * zone or a DST flag depending on {@code TZ}); a date may be followed by blanks but a time may not;
 * weekday ranges take {@code ..} or the legacy {@code -} and cannot wrap; a list has at most 241
 * entries (ENOBUFS); numbers are checked for overflow (ERANGE) before anything else; a fraction
 * of a second is rounded to the microsecond by its seventh digit. All checks are ASCII-only, as
 * in the C locale systemd parses with.
 */
final class CalendarParser {
    private static final int MAX_NESTING = 240;
    private static final int USEC_PER_SEC = 1_000_000;
    private static final String[] DAY_NAMES = {
        "Monday", "Mon", "Tuesday", "Tue", "Wednesday", "Wed", "Thursday", "Thu",
        "Friday", "Fri", "Saturday", "Sat", "Sunday", "Sun"
    };

    private final String text;
    private int pos;
    private int weekdayBits;
    private boolean endOfMonth;
    private List<CalendarComponent> year;
    private List<CalendarComponent> month;
    private List<CalendarComponent> day;
    private List<CalendarComponent> hour;
    private List<CalendarComponent> minute;
    private List<CalendarComponent> microsecond;
    private boolean utcFromEpoch;
    // where each field's text starts (year, month, day, hour, minute, second), for error columns
    private final int[] fieldAt = new int[6];

    private CalendarParser(String text) {
        this.text = text;
    }

    /** The fields as written (not yet normalized) and where each field starts in the text. */
    record Parsed(CalendarFields fields, int[] fieldAt) {}

    /** Parses {@code full} with {@code TZ} set to {@code localZone}; the result is not yet normalized. */
    static Parsed parse(String full, ZoneId localZone) throws CalendarException {
        SuffixSplit split = SuffixSplit.of(full, localZone);
        CalendarParser p = new CalendarParser(split.body());
        try {
            p.parseBody();
        } catch (CalendarException e) {
            throw unknownZone(split, localZone).orElse(e);
        }
        SpecZone zone = p.utcFromEpoch ? new SpecZone.Utc() : split.zone();
        return new Parsed(new CalendarFields(p.weekdayBits, p.endOfMonth, p.year, p.month, p.day, p.hour, p.minute,
                p.microsecond, zone), p.fieldAt);
    }

    /** A clearer error when all but the last word parses: that word is then an unknown zone. */
    private static java.util.Optional<CalendarException> unknownZone(SuffixSplit split, ZoneId localZone) {
        String body = split.body();
        int space = body.lastIndexOf(' ');
        if (!(split.zone() instanceof SpecZone.Local l) || l.dst() >= 0 || space <= 0) {
            return java.util.Optional.empty();
        }
        try {
            CalendarParser p = new CalendarParser(body.substring(0, space));
            p.parseBody();
        } catch (CalendarException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CalendarException("unknown time zone '" + body.substring(space + 1)
                + "' (a tz database name, UTC, or an abbreviation of the local zone)", space + 1));
    }

    private void parseBody() throws CalendarException {
        if (text.isEmpty()) {
            throw new CalendarException("empty calendar expression", 0);
        }
        if (Shorthand.apply(text, this)) {
            return;
        }
        parseWeekdays();
        if (!parseDate()) {
            parseTime();
        }
        if (pos < text.length()) {
            throw new CalendarException("unexpected text '" + text.substring(pos) + "'", pos);
        }
    }

    /** The fixed fields of a shorthand such as {@code daily}; fields left null stay {@code *}. */
    void shorthand(int weekdays, List<CalendarComponent> months, Integer dayOfMonth, Integer hourOfDay, Integer minuteOfHour) {
        weekdayBits = weekdays;
        month = months;
        day = dayOfMonth == null ? null : List.of(CalendarComponent.single(dayOfMonth));
        hour = hourOfDay == null ? null : List.of(CalendarComponent.single(hourOfDay));
        minute = minuteOfHour == null ? null : List.of(CalendarComponent.single(minuteOfHour));
        microsecond = List.of(CalendarComponent.single(0));
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : 0;
    }

    private void skipBlanks() {
        while (at(pos) == ' ') {
            pos++;
        }
    }

    private void parseWeekdays() throws CalendarException {
        int rangeStart = -1;
        boolean first = true;
        while (true) {
            int nr = matchDayName();
            if (nr < 0) {
                if (first) {
                    return;
                }
                throw new CalendarException("expected a weekday name", pos);
            }
            String name = DAY_NAMES[dayNameIndex];
            char next = at(pos + name.length());
            if (next != 0 && next != '-' && next != '.' && next != ',' && next != ' ') {
                throw new CalendarException("bad character after weekday '" + name + "'", pos + name.length());
            }
            weekdayBits |= 1 << nr;
            if (rangeStart >= 0) {
                if (rangeStart > nr) {
                    throw new CalendarException("weekday range runs backwards (ranges cannot wrap)", pos);
                }
                for (int j = rangeStart + 1; j < nr; j++) {
                    weekdayBits |= 1 << j;
                }
            }
            pos += name.length();
            if (pos == text.length()) {
                return;
            }
            char c = at(pos);
            if (c == ' ') {
                skipBlanks();
                return;
            }
            if (c == '.' || c == '-') {
                if (rangeStart >= 0) {
                    throw new CalendarException("a weekday range cannot continue", pos);
                }
                if (c == '.' && at(pos + 1) != '.') {
                    throw new CalendarException("expected '..' between weekdays", pos);
                }
                rangeStart = nr;
                pos += c == '.' ? 2 : 1;
            } else if (c == ',') {
                rangeStart = -1;
                pos++;
            }
            if (pos == text.length() || at(pos) == ' ') {
                int end = pos;
                skipBlanks();
                if (rangeStart >= 0) {
                    throw new CalendarException("weekday range without an end", end);
                }
                return;
            }
            first = false;
        }
    }

    private int dayNameIndex;

    private int matchDayName() {
        for (int i = 0; i < DAY_NAMES.length; i++) {
            String n = DAY_NAMES[i];
            if (text.regionMatches(true, pos, n, 0, n.length()) && asciiOnly(pos, n.length())) {
                dayNameIndex = i;
                return i / 2;
            }
        }
        return -1;
    }

    private boolean asciiOnly(int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Returns true when the text was an {@code @EPOCH} (then there is no time part). */
    private boolean parseDate() throws CalendarException {
        int begin = pos;
        if (pos == text.length()) {
            return false;
        }
        if (at(pos) == '@') {
            parseEpoch();
            return true;
        }
        List<CalendarComponent> first = parseChain(false);
        int secondAt = pos + 1;
        if (pos == text.length() || at(pos) == ':') {
            pos = begin;
            return false;
        }
        expectDateSeparator();
        List<CalendarComponent> second = parseChain(false);
        int thirdAt = pos + 1;
        if (pos == text.length() || at(pos) == ' ') {
            skipBlanks();
            month = first;
            day = second;
            fieldAt[1] = begin;
            fieldAt[2] = secondAt;
            return false;
        }
        if (endOfMonth) {
            throw new CalendarException("'~' can only come before the day", pos);
        }
        expectDateSeparator();
        List<CalendarComponent> third = parseChain(false);
        if (pos < text.length() && at(pos) != ' ') {
            throw new CalendarException("unexpected character in the date", pos);
        }
        skipBlanks();
        year = first;
        month = second;
        day = third;
        fieldAt[0] = begin;
        fieldAt[1] = secondAt;
        fieldAt[2] = thirdAt;
        return false;
    }

    private void expectDateSeparator() throws CalendarException {
        char c = at(pos);
        if (c == '~') {
            endOfMonth = true;
        } else if (c != '-') {
            throw new CalendarException("expected '-' or '~' in the date", pos);
        }
        pos++;
    }

    private void parseEpoch() throws CalendarException {
        pos++;
        // read like strtoul(): leading white space and a sign are accepted
        while (" \t\n\u000b\f\r".indexOf(at(pos)) >= 0 && pos < text.length()) {
            pos++;
        }
        boolean negative = at(pos) == '-';
        if (at(pos) == '-' || at(pos) == '+') {
            pos++;
        }
        if (!isDigit(at(pos))) {
            throw new CalendarException("expected seconds since the epoch after '@'", pos);
        }
        int begin = pos;
        long seconds = parseUnsigned();
        if (negative && seconds != 0) {
            throw new CalendarException("negative epoch time", begin);
        }
        if (seconds < 0 || seconds > 253402300799L) {
            throw new CalendarException("epoch time out of range", begin);
        }
        ZonedDateTime t = java.time.Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        year = List.of(CalendarComponent.single(t.getYear()));
        month = List.of(CalendarComponent.single(t.getMonthValue()));
        day = List.of(CalendarComponent.single(t.getDayOfMonth()));
        hour = List.of(CalendarComponent.single(t.getHour()));
        minute = List.of(CalendarComponent.single(t.getMinute()));
        microsecond = List.of(CalendarComponent.single(t.getSecond() * USEC_PER_SEC));
        utcFromEpoch = true;
    }

    private void parseTime() throws CalendarException {
        if (pos == text.length()) {
            hour = List.of(CalendarComponent.single(0));
            minute = hour;
            microsecond = hour;
            return;
        }
        fieldAt[3] = pos;
        hour = parseChain(false);
        if (at(pos) != ':') {
            throw new CalendarException("expected ':' after the hour", pos);
        }
        pos++;
        fieldAt[4] = pos;
        minute = parseChain(false);
        if (pos == text.length()) {
            microsecond = List.of(CalendarComponent.single(0));
            return;
        }
        if (at(pos) != ':') {
            throw new CalendarException("expected ':' after the minute", pos);
        }
        pos++;
        fieldAt[5] = pos;
        microsecond = parseChain(true);
        if (pos < text.length()) {
            throw new CalendarException("unexpected text after the seconds", pos);
        }
    }

    /** A list of values ({@code 1,5..9/2}) or {@code *}; for seconds {@code *} means every whole second. */
    private List<CalendarComponent> parseChain(boolean usec) throws CalendarException {
        if (at(pos) == '*') {
            pos++;
            return usec ? List.of(new CalendarComponent(0, -1, USEC_PER_SEC)) : null;
        }
        List<CalendarComponent> out = new ArrayList<>();
        for (int nesting = 0; ; nesting++) {
            if (nesting > MAX_NESTING) {
                throw new CalendarException("more than " + (MAX_NESTING + 1) + " entries in one list", pos);
            }
            out.add(parseComponent(usec));
            if (at(pos) != ',') {
                return out;
            }
            pos++;
        }
    }

    private CalendarComponent parseComponent(boolean usec) throws CalendarException {
        int begin = pos;
        int start = parseDecimal(usec);
        int stop = -1;
        int repeat = 0;
        if (at(pos) == '.' && at(pos + 1) == '.') {
            pos += 2;
            stop = parseDecimal(usec);
            repeat = usec ? USEC_PER_SEC : 1;
        }
        if (at(pos) == '/') {
            pos++;
            int at = pos;
            repeat = parseDecimal(usec);
            if (repeat == 0) {
                throw new CalendarException("a repetition of zero", at);
            }
        } else {
            if (start > Integer.MAX_VALUE - repeat) {
                throw new CalendarException("value out of range", begin);
            }
            if (usec && stop >= 0 && start + repeat > stop) {
                throw new CalendarException("a range of seconds shorter than one second needs a repetition", begin);
            }
        }
        char c = at(pos);
        if (pos < text.length() && c != ' ' && c != ',' && c != '-' && c != '~' && c != ':') {
            throw new CalendarException("unexpected character '" + c + "'", pos);
        }
        return new CalendarComponent(start, stop, repeat);
    }

    private int parseDecimal(boolean usec) throws CalendarException {
        int begin = pos;
        if (!isDigit(at(pos))) {
            throw new CalendarException(pos < text.length() ? "expected a number" : "expected a number, found the end", pos);
        }
        long value = parseUnsigned();
        if (usec) {
            if (value < 0 || value > Long.MAX_VALUE / USEC_PER_SEC) {
                throw new CalendarException("number out of range", begin);
            }
            value *= USEC_PER_SEC;
            if (at(pos) == '.' && at(pos + 1) != '.') {
                pos++;
                value += parseFraction();
            }
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new CalendarException("number out of range", begin);
        }
        return (int) value;
    }

    /**
     * Digits as an unsigned 64-bit number, as strtoul() reads them; a value beyond 2^63-1 is
     * returned negative (callers reject it as out of range) and one beyond 2^64-1 is ERANGE.
     */
    private long parseUnsigned() throws CalendarException {
        int begin = pos;
        long value = 0;
        while (isDigit(at(pos))) {
            int d = at(pos) - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw new CalendarException("number out of range", begin);
            }
            value = value * 10 + d;
            pos++;
        }
        return value;
    }

    /** Six digits of microseconds, padded with zeros, rounded up when the seventh digit is 5..9. */
    private int parseFraction() throws CalendarException {
        if (!isDigit(at(pos))) {
            throw new CalendarException("expected digits after the decimal point", pos);
        }
        int value = 0;
        for (int i = 0; i < 6; i++) {
            value *= 10;
            if (isDigit(at(pos))) {
                value += at(pos) - '0';
                pos++;
            }
        }
        if (at(pos) >= '5' && at(pos) <= '9') {
            value++;
        }
        while (isDigit(at(pos))) {
            pos++;
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
