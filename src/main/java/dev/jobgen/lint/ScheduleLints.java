package dev.jobgen.lint;

import dev.jobgen.diag.Diagnostics;
import dev.jobgen.model.Catalogue;
import java.time.Instant;
import java.util.List;

/**
 * Checks that need the calendar engine and a reference instant: schedules that never elapse,
 * overlapping runs, DST surprises, thundering herds, jitter as large as the gap, retries of
 * non-idempotent jobs.
 */
public final class ScheduleLints {
    private ScheduleLints() {}

    public static void check(List<Catalogue> catalogues, Instant now, Diagnostics diagnostics) {
        // filled in with the calendar engine
    }
}
