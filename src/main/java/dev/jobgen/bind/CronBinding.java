package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Schedule;
import java.util.Optional;

/** {@code cron:} into calendar expressions with cron's meaning (the translator lives in time/). */
final class CronBinding {
    private CronBinding() {}

    static Optional<Schedule> bind(YNode.Scalar s, Optional<String> timezone, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.INVALID_CRON, s.at(), s.text(), "cron schedules are not supported by this build yet");
        return Optional.empty();
    }
}
