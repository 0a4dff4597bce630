package dev.jobgen.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the product prints them: ISO-8601 UTC with a {@code Z}, a fraction only when
 * non-zero, at most microseconds, trailing zeros dropped ({@code 2026-01-01T02:00:00Z},
 * {@code 2026-01-01T02:00:00.5Z}). {@code Instant.toString} pads fractions to groups of three.
 */
public final class IsoInstant {
    private IsoInstant() {}

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int micros = instant.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(1_000_000 + micros).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append(n < 10 ? "0" : "").append(n);
    }

    /**
     * Reads back what {@link #format} writes ({@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}) without
     * {@code Instant.parse}, whose formatter machinery costs the runner milliseconds of start-up.
     */
    public static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            throw new IllegalArgumentException("not an ISO-8601 UTC instant: " + text);
        }
        int nanos = 0;
        if (n > 20) {
            if (text.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                throw new IllegalArgumentException("not an ISO-8601 UTC instant: " + text);
            }
            String digits = (text.substring(20, n - 1) + "00000000").substring(0, 9);
            nanos = digits(digits, 0, 9);
        }
        LocalDateTime t = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                digits(text, 14, 16), digits(text, 17, 19));
        return Instant.ofEpochSecond(t.toEpochSecond(ZoneOffset.UTC), nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ISO-8601 UTC instant: " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
