package dev.jobgen.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one cron field the way cronie's {@code get_list}/{@code get_range} do: a comma list of
 * {@code *}, {@code *\/step}, {@code n}, {@code a-b} or {@code a-b/step}; names (three letters, any
 * case) for month and day-of-week, also as range ends. Stricter where cron is silent or broken:
 * {@code n/step} (cronie rejects it), {@code b-a} with a > b and step 0 are errors, as in cronie.
 */
final class CronFieldParser {
    private final String text;
    private final CronField.Kind kind;
    private final int fieldIndex;
    private final int base;
    private int pos;

    private CronFieldParser(String text, CronField.Kind kind, int fieldIndex, int base) {
        this.text = text;
        this.kind = kind;
        this.fieldIndex = fieldIndex;
        this.base = base;
    }

    /** Parses {@code text}, which starts at character {@code base} of the whole expression. */
    static CronField parse(String text, CronField.Kind kind, int fieldIndex, int base) throws CronException {
        return new CronFieldParser(text, kind, fieldIndex, base).field();
    }

    private CronField field() throws CronException {
        List<CronRange> ranges = new ArrayList<>();
        while (true) {
            ranges.add(range());
            if (pos == text.length()) {
                return new CronField(kind, ranges, text.startsWith("*"));
            }
            if (text.charAt(pos) != ',') {
                throw error("unexpected '" + text.charAt(pos) + "'", pos);
            }
            pos++;
        }
    }

    private CronRange range() throws CronException {
        int itemStart = pos;
        int start;
        int end;
        boolean star = peek('*');
        boolean isRange = star;
        if (star) {
            pos++;
            start = kind.min();
            end = kind.max();
        } else {
            start = value();
            end = start;
            if (peek('-')) {
                pos++;
                isRange = true;
                int endAt = pos;
                end = value();
                if (end < start) {
                    throw error("range " + text.substring(itemStart, pos) + " runs backwards (write the smaller value first)",
                            endAt);
                }
            }
        }
        int step = 1;
        if (peek('/')) {
            if (!isRange) {
                throw error("a step needs '*' or a range before it (write " + start + "-" + kind.max() + "/… )", pos);
            }
            pos++;
            int stepAt = pos;
            step = number("step");
            if (step < 1) {
                throw error("step must be at least 1", stepAt);
            }
        }
        return new CronRange(start, end, step);
    }

    private int value() throws CronException {
        int at = pos;
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(at, pos);
            int i = kind.names().indexOf(word.toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw error(kind.names().isEmpty()
                        ? "'" + word + "' is not a number"
                        : "unknown name '" + word + "' (use " + kind.names().get(0) + "…" + last(kind.names())
                                + " or a number)", at);
            }
            return kind.min() + i;
        }
        int v = number("value");
        if (v < kind.min() || v > kind.max()) {
            throw error(text.substring(at, pos) + " is out of range " + kind.min() + "-" + kind.max(), at);
        }
        return v;
    }

    private int number(String what) throws CronException {
        int at = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == at) {
            throw error(pos == text.length() ? "missing " + what : "expected a " + what + ", found '" + text.charAt(pos) + "'",
                    at);
        }
        String digits = text.substring(at, pos);
        // cron reads at most a handful of digits; anything longer is out of every range
        return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private CronException error(String message, int at) {
        return new CronException(kind.label() + ": " + message, fieldIndex, base + at);
    }

    private static String last(List<String> names) {
        return names.get(names.size() - 1);
    }
}
