package dev.jobgen.time;

/**
 * The weekday part of a calendar event (systemd.time(7): "Mon,Fri", "Mon..Wed", legacy "Mon-Wed"):
 * full or three-letter English names in any case, lists, and ranges that cannot wrap
 * ({@code Fri..Mon} is invalid). A range end cannot start another range, a list may end with a
 * comma, blanks end the part. No weekday at all is fine; the caller goes on with the date.
 */
final class WeekdayParser {
    private static final String[] DAY_NAMES = {
        "Monday", "Mon", "Tuesday", "Tue", "Wednesday", "Wed", "Thursday", "Thu",
        "Friday", "Fri", "Saturday", "Sat", "Sunday", "Sun"
    };

    /** Weekday bits (bit 0 = Monday) and where the rest of the text starts. */
    record Result(int bits, int end) {}

    private final String text;
    private int pos;
    private int bits;

    private WeekdayParser(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    static Result parse(String text, int pos) throws CalendarException {
        return new WeekdayParser(text, pos).parse();
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : 0;
    }

    private void skipBlanks() {
        while (at(pos) == ' ') {
            pos++;
        }
    }

    private Result parse() throws CalendarException {
        int rangeStart = -1;
        boolean first = true;
        while (true) {
            int index = matchDayName();
            if (index < 0) {
                if (first) {
                    return new Result(bits, pos);
                }
                throw new CalendarException("expected a weekday name", pos);
            }
            String name = DAY_NAMES[index];
            int nr = index / 2;
            char next = at(pos + name.length());
            if (next != 0 && next != '-' && next != '.' && next != ',' && next != ' ') {
                throw new CalendarException("bad character after weekday '" + name + "'", pos + name.length());
            }
            bits |= 1 << nr;
            if (rangeStart >= 0) {
                if (rangeStart > nr) {
                    throw new CalendarException("weekday range runs backwards (ranges cannot wrap)", pos);
                }
                for (int j = rangeStart + 1; j < nr; j++) {
                    bits |= 1 << j;
                }
            }
            pos += name.length();
            if (pos == text.length()) {
                return new Result(bits, pos);
            }
            char c = at(pos);
            if (c == ' ') {
                skipBlanks();
                return new Result(bits, pos);
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
                return new Result(bits, pos);
            }
            first = false;
        }
    }

    /** The index in {@link #DAY_NAMES} of the name at {@link #pos}, or -1. */
    private int matchDayName() {
        for (int i = 0; i < DAY_NAMES.length; i++) {
            String n = DAY_NAMES[i];
            if (text.regionMatches(true, pos, n, 0, n.length()) && asciiOnly(pos, n.length())) {
                return i;
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

}
