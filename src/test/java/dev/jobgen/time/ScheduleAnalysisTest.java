package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleAnalysisTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private static CalendarSpec spec(String text) throws CalendarException {
        return CalendarSpec.parse(text, BERLIN);
    }

    @Test
    void shortestGapSpansAllSpecsOfAJob() throws Exception {
        var gap = ScheduleAnalysis.shortestGap(List.of(spec("*-*-* 06:00"), spec("*-*-* 06:20")), FROM,
                Duration.ofDays(7), 1000);
        assertEquals(Duration.ofMinutes(20), gap.orElseThrow().length());
        assertEquals(Instant.parse("2026-01-01T05:00:00Z"), gap.get().first());
    }

    @Test
    void shortestGapOfAHourlyEventAcrossTheFallBackIsAnHourOrLess() throws Exception {
        var gap = ScheduleAnalysis.shortestGap(List.of(spec("hourly")), Instant.parse("2026-10-24T00:00:00Z"),
                Duration.ofDays(2), 1000);
        assertTrue(gap.orElseThrow().length().compareTo(Duration.ofHours(1)) <= 0, gap.get().toString());
    }

    @Test
    void noGapWithOneElapse() throws Exception {
        assertTrue(ScheduleAnalysis.shortestGap(List.of(spec("2026-06-01")), FROM, Duration.ofDays(365), 10).isEmpty());
    }

    @Test
    void twoThirtyFallsIntoTheSpringGapAndTheAutumnRepeatEachYear() throws Exception {
        List<ScheduleAnalysis.DstEvent> events = ScheduleAnalysis.dstEvents(spec("*-*-* 02:30"), BERLIN, FROM, 2);
        assertEquals(4, events.size(), events.toString());
        ScheduleAnalysis.DstEvent spring = events.get(0);
        assertEquals(LocalDateTime.parse("2026-03-29T02:30"), spring.wallClock());
        assertEquals(ScheduleAnalysis.DstKind.GAP, spring.kind());
        assertEquals(List.of(), spring.systemdElapses(), "systemd skips 02:30 on that day");
        ScheduleAnalysis.DstEvent autumn = events.get(1);
        assertEquals(ScheduleAnalysis.DstKind.REPEATED, autumn.kind());
        assertEquals(LocalDateTime.parse("2026-10-25T02:30"), autumn.wallClock());
        assertEquals(1, autumn.systemdElapses().size(), "systemd runs it once: " + autumn.systemdElapses());
    }

    @Test
    void eventsOutsideTheChangedHoursAndUtcEventsAreQuiet() throws Exception {
        assertEquals(List.of(), ScheduleAnalysis.dstEvents(spec("*-*-* 04:00"), BERLIN, FROM, 5));
        assertEquals(List.of(), ScheduleAnalysis.dstEvents(spec("*-*-* 02:30 UTC"), BERLIN, FROM, 5));
    }

    @Test
    void theSuffixZoneDecides() throws Exception {
        var events = ScheduleAnalysis.dstEvents(spec("*-*-* 01:30 America/New_York"), BERLIN, FROM, 1);
        assertEquals(1, events.size(), events.toString());
        assertEquals(LocalDateTime.parse("2026-11-01T01:30"), events.get(0).wallClock());
    }

    @Test
    void aSuffixTheJdkDoesNotKnowFollowsTheZoneItLinksTo() throws Exception {
        // tzdata's posixrules links to America/New_York; java.time has no zone of that name
        var linked = ScheduleAnalysis.dstEvents(spec("*-*-* 01:30 posixrules"), BERLIN, FROM, 1);
        var direct = ScheduleAnalysis.dstEvents(spec("*-*-* 01:30 America/New_York"), BERLIN, FROM, 1);
        assertEquals(direct, linked);
        assertEquals(1, linked.size(), linked.toString());
    }
}
