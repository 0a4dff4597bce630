package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarPeriodsTest {
    /*
     * systemd 257 fires `*-*-1/7 06:00 America/New_York` on 2026-01-01 11:00Z (the year it wraps into
     * starts on January 1st); 252 goes from 2025-12-29 to 2026-01-08 (recorded in
     * src/test/resources/conformance/{252,257}/calendar.jsonl.gz).
     */
    static final String WRAPPING = "*-*-1/7 06:00 America/New_York";

    @Test
    void aRunOnAnElapseOnlyANewerSystemdFiresHasAPeriodOfItsOwn() throws Exception {
        CalendarPeriods periods = CalendarPeriods.parse(List.of(WRAPPING), ZoneOffset.UTC);
        assertEquals(Optional.of(Instant.parse("2026-01-01T11:00:00Z")), periods.periodAt(Instant.parse("2026-01-01T11:00:07Z")),
                "the January 1st run must not fall into December 29th's period (it would be skipped as done)");
    }

    @Test
    void theElapsesEveryVersionFiresKeepTheirPeriods() throws Exception {
        CalendarPeriods periods = CalendarPeriods.parse(List.of(WRAPPING), ZoneOffset.UTC);
        assertEquals(Optional.of(Instant.parse("2025-12-29T11:00:00Z")), periods.periodAt(Instant.parse("2025-12-29T11:00:03Z")));
        assertEquals(Optional.of(Instant.parse("2026-01-08T11:00:00Z")), periods.periodAt(Instant.parse("2026-01-08T11:30:00Z")));
    }

    @Test
    void theRememberedTableWalksTheSameElapses() throws Exception {
        CalendarPeriods periods = CalendarPeriods.parse(List.of(WRAPPING), ZoneOffset.UTC);
        ElapseTable table = ElapseTable.compute(periods, Instant.parse("2025-12-20T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T11:00:00Z")), table.periodAt(Instant.parse("2026-01-01T11:00:07Z")));
    }
}
