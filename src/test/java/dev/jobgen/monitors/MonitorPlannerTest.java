package dev.jobgen.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.model.Command;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.TimeSpan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure core of {@code jobgen monitors}: which schedule form a job gets, and its grace. */
class MonitorPlannerTest {
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final ZoneId LOCAL = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} -> {1} in {2}")
    @CsvSource(delimiter = '|', value = {
        "daily                        | 0 0 * * *          | America/New_York",
        "Mon..Fri 09:30               | 30 9 * * 1-5       | America/New_York",
        "*:0/15                       | 0-59/15 * * * *    | America/New_York",
        "*-*-01 00:00 Europe/Berlin   | 0 0 1 * *          | Europe/Berlin",
        "Sat,Sun 10:00 UTC            | 0 10 * * 6,0       | UTC",
        "*-*-* 0,6,12:00              | 0 0,6,12 * * *     | America/New_York",
        "*-01/2-01 03:04              | 4 3 1 1-12/2 *     | America/New_York",
        "Fri..Sun 23:00               | 0 23 * * 5-7       | America/New_York",
        // 02:30 does not exist on the spring-forward day: systemd and cron (as jobgen translates it) agree
        "*-*-* 02:30                  | 30 2 * * *         | America/New_York",
    })
    void calendarWithAnExactCronLine(String expression, String cron, String zone) throws Exception {
        Optional<ExpectedSchedule.Cron> got = CalendarCron.of(CalendarSpec.parse(expression, LOCAL), LOCAL, FROM);
        assertEquals(Optional.of(new ExpectedSchedule.Cron(cron, zone)), got);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*-*-* 02:00:30",          // seconds
        "*:*:0/20",
        "*-02~01 00:00",           // the last day of February
        "2030-*-* 00:00",          // a year
        "Mon *-*-01..07 02:00",    // both day fields: systemd wants both, cron either
    })
    void calendarWithoutOne(String expression) throws Exception {
        assertEquals(Optional.empty(), CalendarCron.of(CalendarSpec.parse(expression, LOCAL), LOCAL, FROM));
    }

    @Test
    void cronitorFallsBackToTheLongestGapAndHealthchecksTakesTheCalendar() {
        Job weekdays = Job.builder("w", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("Mon..Fri 09:00:30")))
                .build();
        DesiredMonitor cronitor = MonitorPlanner.plan(weekdays, Provider.CRONITOR, LOCAL, FROM, CalendarSpec.DEFAULT_SYSTEMD_VERSION);
        assertEquals(Optional.of(new ExpectedSchedule.Period(3 * 86_400 + 3_600)), cronitor.schedule(),
                "Friday to Monday over the weekend New York's clocks go back");
        DesiredMonitor hc = MonitorPlanner.plan(weekdays, Provider.HEALTHCHECKS, LOCAL, FROM, CalendarSpec.DEFAULT_SYSTEMD_VERSION);
        assertEquals(Optional.of(new ExpectedSchedule.Calendar(List.of("Mon..Fri 09:00:30"), "America/New_York")), hc.schedule());

        Job many = Job.builder("m", new Command.Argv(List.of("/bin/true")),
                new Schedule.Calendar(List.of("*-*-* 01:00:00 Europe/Berlin", "*-*-* 02:00:00 Europe/Berlin",
                        "*-*-* 03:00:00 Europe/Berlin", "*-*-* 04:00:00 Europe/Berlin"))).build();
        assertEquals("period", MonitorPlanner.plan(many, Provider.HEALTHCHECKS, LOCAL, FROM, CalendarSpec.DEFAULT_SYSTEMD_VERSION).schedule().get().form(),
                "four zoned lines are over Healthchecks' 100 characters");
    }

    /**
     * A cron line is offered only when the targeted systemd fires like cron. {@code *-*-1/7 06:00}
     * in New York: 257 fires on January 1st as cron does; 252 waits for January 8th after
     * December 29th (the conformance tables, 252 vs 257), so a cron check would report a run
     * missing every new year: 252 gets the longest gap, those ten days, instead.
     */
    @Test
    void aCronLineOnlyWhereTheTargetFiresLikeCron() {
        Job weekly = Job.builder("w", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("*-*-1/7 06:00")))
                .build();
        assertEquals(Optional.of(new ExpectedSchedule.Cron("0 6 1-31/7 * *", "America/New_York")),
                MonitorPlanner.plan(weekly, Provider.CRONITOR, LOCAL, FROM, 257).schedule());
        assertEquals(Optional.of(new ExpectedSchedule.Period(10 * 86_400)),
                MonitorPlanner.plan(weekly, Provider.CRONITOR, LOCAL, FROM, 252).schedule());
    }

    @Test
    void graceCoversJitterAccuracyEveryAttemptAndThePauses() {
        Job job = Job.builder("g", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("daily")))
                .jitter(TimeSpan.ofSeconds(300)).timeout(TimeSpan.ofSeconds(600))
                .retry(new RetryPolicy(3, TimeSpan.ofSeconds(30), 2.0, Optional.empty())).build();
        // 1s accuracy + 300 jitter + 3 x 600 + pauses 30 + 60 + 60 slack
        assertEquals(1 + 300 + 1800 + 30 + 60 + 60, MonitorPlanner.grace(job));
        Job endless = Job.builder("e", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("daily")))
                .timeout(TimeSpan.INFINITY).build();
        assertEquals(MonitorPlanner.MAX_SECONDS, MonitorPlanner.grace(endless), "capped at the providers' year");
    }

    @Test
    void planTextEscapesWhatACatalogueAuthorWrote() {
        assertEquals("\"a\\nb\\u001b[31m\\\"\"", MonitorChange.show("a\nb\u001b[31m\""));
        assertEquals("[\"jobgen\"]", MonitorChange.show(List.of("jobgen")));
    }
}
