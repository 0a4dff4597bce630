package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Schedule;
import dev.jobgen.time.CronException;
import dev.jobgen.time.CronExpression;
import dev.jobgen.time.CronTranslator;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code cron:} into calendar expressions with cron's meaning (the translator lives in time/). */
final class CronBinding {
    private CronBinding() {}

    static Optional<Schedule> bind(YNode.Scalar s, Optional<String> timezone, Diagnostics diagnostics) {
        try {
            CronExpression cron = CronExpression.parse(s.text());
            return Optional.of(CronTranslator.translate(cron, timezone.map(ZoneId::of)).match(
                    calendar -> new Schedule.Cron(s.text(), calendar.onCalendar(), false),
                    boot -> new Schedule.Cron(s.text(), List.of(), true)));
        } catch (CronException e) {
            diagnostics.error(DiagnosticCode.INVALID_CRON, s.charAt(e.index()), s.text(), e.getMessage());
            return Optional.empty();
        }
    }
}
