package dev.jobgen.plan;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.unitfile.SystemdEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalogue to units, as data: a service and a timer per job, plus the notify template when any
 * job has {@code on-failure}. Settings the target systemd cannot express are errors naming the
 * version that introduced them.
 */
public final class UnitPlanner {
    private UnitPlanner() {}

    /** The plan of one catalogue: its units (sorted by name) and which timers start enabled. */
    public record Plan(List<Unit> units, List<TimerState> timers) {
        public Plan {
            units = List.copyOf(units);
            timers = List.copyOf(timers);
        }
    }

    /** A timer and whether install enables it ({@code enabled: false} suspends a job). */
    public record TimerState(String unit, boolean enabled) {}

    public static Plan plan(Catalogue catalogue, Diagnostics diagnostics) {
        // jobs plan independently, so on every core at once; diagnostics keep catalogue order
        List<JobUnits> planned = catalogue.jobs().parallelStream().map(job -> JobUnits.of(catalogue, job)).toList();
        List<Unit> units = new ArrayList<>();
        List<TimerState> timers = new ArrayList<>();
        boolean notify = false;
        for (JobUnits p : planned) {
            diagnostics.addAll(p.diagnostics());
            if (p.service().isEmpty()) {
                continue;
            }
            units.add(p.service().get());
            units.add(p.timer().get());
            timers.add(new TimerState(p.timer().get().name(), p.job().timer().enabled()));
            notify |= p.job().alerts().onFailure().isPresent();
        }
        if (notify) {
            units.add(NotifyTemplatePlanner.plan(catalogue));
        }
        units.sort(java.util.Comparator.comparing(Unit::name));
        return new Plan(units, timers);
    }

    /** The service and timer of one job, or none with the errors that prevent them. */
    private record JobUnits(Job job, Optional<Unit> service, Optional<Unit> timer, Diagnostics diagnostics) {
        static JobUnits of(Catalogue catalogue, Job job) {
            Diagnostics d = new Diagnostics();
            List<TimerPlanner.Missing> missing = TimerPlanner.unsupported(catalogue, job);
            for (TimerPlanner.Missing m : missing) {
                d.error(DiagnosticCode.NEEDS_NEWER_SYSTEMD, job.at(), m.what(), String.valueOf(m.since()),
                        String.valueOf(catalogue.target().number()));
            }
            if (!missing.isEmpty()) {
                return new JobUnits(job, Optional.empty(), Optional.empty(), d);
            }
            Unit service = new ServicePlanner(catalogue, job).plan();
            Unit timer = new TimerPlanner(catalogue, job).plan();
            if (!representable(service, job, d) || !representable(timer, job, d)) {
                return new JobUnits(job, Optional.empty(), Optional.empty(), d);
            }
            return new JobUnits(job, Optional.of(service), Optional.of(timer), d);
        }
    }

    /** Values that pass one by one can still add up to a line systemd will not read (1 MiB). */
    private static boolean representable(Unit unit, Job job, Diagnostics diagnostics) {
        for (Section section : unit.sections()) {
            for (Directive d : section.directives()) {
                var problem = SystemdEscaper.lineProblem(d.key(), d.value());
                if (problem.isPresent()) {
                    diagnostics.error(DiagnosticCode.UNREPRESENTABLE_VALUE, job.at(), job.name(), problem.get());
                    return false;
                }
            }
        }
        return true;
    }
}
