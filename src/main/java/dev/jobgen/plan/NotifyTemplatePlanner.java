package dev.jobgen.plan;

import dev.jobgen.model.Catalogue;
import dev.jobgen.unitfile.SystemdEscaper;
import java.util.List;

/**
 * {@code <prefix>notify@.service}: started by {@code OnFailure=} with the failed unit's name as
 * the instance; {@code jobgen notify} reads that unit's {@code X-Jobgen*} settings.
 */
final class NotifyTemplatePlanner {
    private NotifyTemplatePlanner() {}

    static Unit plan(Catalogue catalogue) {
        // %i is the failed unit's name, filled in by systemd: written as a specifier on purpose
        // no catalogue path: every catalogue with this prefix renders the same bytes, so they share it
        SectionBuilder unit = new SectionBuilder("Unit", catalogue.target())
                .add("Description", "jobgen failure notification for %i");
        SectionBuilder service = new SectionBuilder("Service", catalogue.target());
        service.add("Type", "oneshot");
        service.add("ExecStart", SystemdEscaper.commandLine(List.of(catalogue.runnerPath(), "notify")) + " %i");
        service.add("TimeoutStartSec", "5min");
        service.add("SyslogIdentifier", SystemdEscaper.text(catalogue.unitPrefix() + "notify"));
        return new Unit(UnitNames.notifyTemplate(catalogue.unitPrefix()), Unit.Kind.NOTIFY_TEMPLATE,
                Provenance.sharedHeader(), List.of(unit.build(), service.build()));
    }
}
