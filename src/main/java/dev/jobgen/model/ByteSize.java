package dev.jobgen.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A size in bytes as a catalogue writes it ({@code memory-max: 512M}, {@code log-tail: 10KiB}).
 *
 * <p>Accepted: a decimal number, optionally with a fraction, then optionally one unit, blanks
 * allowed around: {@code B}, {@code K}/{@code KiB}, {@code M}/{@code MiB}, {@code G}/{@code GiB},
 * {@code T}/{@code TiB}, all 1024-based as in systemd's parse_size for {@code MemoryMax=}. Units
 * are case-sensitive like systemd's ({@code 10k} and {@code 10KB} are refused with a hint, since
 * "kB" usually means 1000). A fraction is cut to whole bytes. {@link #systemd()} writes the form
 * systemd reads, which never uses the {@code KiB} spelling: systemd 252 rejects it.
 * Ranges (MemoryMax=0 is refused by systemd) are the binder's business.
 */
public record ByteSize(long bytes) {
    private static final long KIB = 1024L;
    private static final List<Unit> UNITS = List.of(
            new Unit("TiB", KIB * KIB * KIB * KIB), new Unit("GiB", KIB * KIB * KIB), new Unit("MiB", KIB * KIB),
            new Unit("KiB", KIB), new Unit("T", KIB * KIB * KIB * KIB), new Unit("G", KIB * KIB * KIB),
            new Unit("M", KIB * KIB), new Unit("K", KIB), new Unit("B", 1));

    /** A unit spelling and its size; systemd's own spelling is the one-letter form. */
    private record Unit(String suffix, long bytes) {}

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /** Parses {@code text}; the exception names the 0-based index of the bad part. */
    public static ByteSize parse(String text) throws ByteSizeException {
        int start = skipBlanks(text, 0);
        int end = start;
        while (end < text.length() && "0123456789.".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        String number = text.substring(start, end);
        if (number.isEmpty() || number.startsWith(".") || number.endsWith(".") || number.indexOf('.') != number.lastIndexOf('.')) {
            throw new ByteSizeException("expected a size such as 512M, 10KiB or 1048576", start);
        }
        int unitStart = skipBlanks(text, end);
        int unitEnd = unitStart;
        while (unitEnd < text.length() && Character.isLetter(text.charAt(unitEnd))) {
            unitEnd++;
        }
        long multiplier = multiplier(text.substring(unitStart, unitEnd), unitStart);
        if (skipBlanks(text, unitEnd) != text.length()) {
            throw new ByteSizeException("unexpected text after the size", skipBlanks(text, unitEnd));
        }
        BigInteger value = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier)).toBigInteger();
        if (value.bitLength() > 63) {
            throw new ByteSizeException("size too large: the limit is 8 EiB - 1 byte", start);
        }
        return new ByteSize(value.longValueExact());
    }

    /** The value for a setting such as {@code MemoryMax=}: the largest unit that divides it exactly. */
    public String systemd() {
        for (Unit unit : UNITS) {
            if (unit.suffix().length() == 1 && unit.bytes() > 1 && bytes != 0 && bytes % unit.bytes() == 0) {
                return bytes / unit.bytes() + unit.suffix();
            }
        }
        return Long.toString(bytes);
    }

    private static long multiplier(String suffix, int at) throws ByteSizeException {
        if (suffix.isEmpty()) {
            return 1;
        }
        for (Unit unit : UNITS) {
            if (unit.suffix().equals(suffix)) {
                return unit.bytes();
            }
        }
        throw new ByteSizeException("unknown size unit '" + suffix + "' (use B, K, M, G, T or KiB, MiB, GiB, TiB;"
                + " units are 1024-based and case-sensitive)", at);
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
