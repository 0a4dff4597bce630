package dev.jobgen.plan;

import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.unitfile.SystemdEscaper;
import java.util.List;

/** The {@code .timer} of one job: when it elapses, how precisely, with how much jitter, and catch-up. */
final class TimerPlanner {
    private final Catalogue catalogue;
    private final Job job;

    TimerPlanner(Catalogue catalogue, Job job) {
        this.catalogue = catalogue;
        this.job = job;
    }

    Unit plan() {
        SectionBuilder unit = Provenance.unitSection(catalogue, SystemdEscaper.text("Timer: " + Provenance.description(job)));

        SectionBuilder timer = new SectionBuilder("Timer", catalogue.target());
        boolean calendar = job.timer().schedule().match(c -> true, c -> !c.atBoot(), e -> false);
        if (calendar) {
            for (String expression : job.timer().schedule().calendarExpressions()) {
                timer.add("OnCalendar", SystemdEscaper.text(expression));
            }
        } else {
            String interval = job.timer().schedule().match(c -> null, c -> "1min", e -> e.interval().normalized());
            timer.add("OnBootSec", interval);
            if (job.timer().schedule() instanceof Schedule.Every) {
                timer.add("OnUnitActiveSec", interval);
            }
        }
        timer.add("AccuracySec", job.timer().accuracy().normalized());
        job.timer().jitter().filter(j -> j.usec() != 0).ifPresent(j -> {
            timer.add("RandomizedDelaySec", j.normalized());
            timer.addIfSupported("FixedRandomDelay", "yes");
        });
        if (calendar) {
            timer.add("Persistent", job.timer().catchUp() ? "yes" : "no");
        }
        timer.add("Unit", UnitNames.service(catalogue.unitPrefix(), job.name()));

        SectionBuilder install = new SectionBuilder("Install", catalogue.target());
        install.add("WantedBy", "timers.target");
        return new Unit(UnitNames.timer(catalogue.unitPrefix(), job.name()), Unit.Kind.TIMER,
                Provenance.header(catalogue, job), List.of(unit.build(), timer.build(), install.build()));
    }

    /** What the job asks for, and the systemd version that first has the directive it needs. */
    record Missing(String what, int since) {}

    /** The directives this job needs that the target lacks (no older form exists for them). */
    static List<Missing> unsupported(Catalogue catalogue, Job job) {
        SectionBuilder probe = new SectionBuilder("Timer", catalogue.target());
        return job.timer().jitter().filter(j -> j.usec() != 0 && !probe.supports("RandomizedDelaySec"))
                .map(j -> List.of(new Missing("jitter (RandomizedDelaySec=)", DirectiveGates.introduced("RandomizedDelaySec"))))
                .orElse(List.of());
    }
}
