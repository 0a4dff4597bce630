package dev.jobgen.runspec;

import dev.jobgen.time.TimeSpan;
import java.util.Optional;

/** What a run does when its lock is held: skip (empty wait), or wait up to a span. */
public record OnBusy(Optional<TimeSpan> waitUpTo) {
    public static final OnBusy SKIP = new OnBusy(Optional.empty());
}
