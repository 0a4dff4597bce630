package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelativeTimeTest {
    private static final long S = 1_000_000L;

    @Test
    void usesTheLargestUnitWithSystemdsSecondUnit() {
        assertEquals("3 years 2 months left", RelativeTime.format(100_000_000 * S, 0));
        assertEquals("1 month 15 days ago", RelativeTime.format(0, 4_000_000 * S));
        assertEquals("1 week 1 day left", RelativeTime.format(700_000 * S, 0));
        assertEquals("2 days left", RelativeTime.format(200_000 * S, 0));
        assertEquals("1 day 3h left", RelativeTime.format(100_000 * S, 0));
        assertEquals("8h ago", RelativeTime.format(0, 30_000 * S));
        assertEquals("2h 30min left", RelativeTime.format(9_030 * S, 0));
        assertEquals("30min left", RelativeTime.format(1_830 * S, 0));
        assertEquals("2min 30s left", RelativeTime.format(150 * S, 0));
        assertEquals("30s ago", RelativeTime.format(0, 30 * S));
        assertEquals("5ms left", RelativeTime.format(5_000, 0));
        assertEquals("now", RelativeTime.format(7, 7));
    }
}
