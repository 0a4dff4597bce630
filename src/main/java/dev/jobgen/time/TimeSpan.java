package dev.jobgen.time;

/**
 * A systemd time span (man systemd.time(7), "Parsing Time Spans"), in microseconds.
 *
 * <p>The value is an unsigned 64-bit number, as in systemd: spans up to 2^64-2 microseconds are
 * valid and {@link #INFINITY} (2^64-1, written {@code infinity}) means "never". Use
 * {@link Long#toUnsignedString(long)} to print it and the helpers here to compare it.
 */
public record TimeSpan(long usec) {
    public static final TimeSpan INFINITY = new TimeSpan(-1L);
    public static final TimeSpan ZERO = new TimeSpan(0L);

    /**
     * Parses like {@code systemd-analyze timespan}; a bare number means seconds. The exception
     * names the 0-based index of the offending part.
     */
    public static TimeSpan parse(String text) throws TimeSpanException {
        return TimeSpanParser.parse(text, Integer.MAX_VALUE);
    }

    /**
     * Parses like {@code systemd-analyze timespan} of that systemd version, where versions differ
     * (the matrix's recordings, src/test/resources/conformance/N/).
     */
    public static TimeSpan parse(String text, int systemdVersion) throws TimeSpanException {
        return TimeSpanParser.parse(text, systemdVersion);
    }

    public static TimeSpan ofSeconds(long seconds) {
        return new TimeSpan(Math.multiplyExact(seconds, 1_000_000L));
    }

    public boolean isInfinite() {
        return usec == -1L;
    }

    /** systemd's "Human" form, e.g. {@code 1h 30min}. */
    public String normalized() {
        return HumanSpan.format(usec);
    }

    /** The microseconds as an unsigned decimal number. */
    public String usecString() {
        return Long.toUnsignedString(usec);
    }

    /** Saturating conversion for arithmetic: spans beyond Long.MAX_VALUE microseconds clamp to it. */
    public long saturatedMicros() {
        return usec < 0 ? Long.MAX_VALUE : usec;
    }
}
