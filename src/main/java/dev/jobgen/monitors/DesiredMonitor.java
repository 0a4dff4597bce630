package dev.jobgen.monitors;

import java.util.Optional;

/**
 * The check one job should have: named after the job, with the schedule form chosen for the
 * provider and why, and the grace to wait after an expected ping. {@code skipped} says why a job
 * gets no check at all (then {@code schedule} is empty).
 */
public record DesiredMonitor(
        String job,
        String description,
        Optional<ExpectedSchedule> schedule,
        long graceSeconds,
        String why) {

    public boolean skipped() {
        return schedule.isEmpty();
    }
}
