package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.runspec.LockSpec;

/** Rules that span several keys of one job (each key alone was already checked). */
final class JobChecks {
    private final Job job;
    private final Fields f;
    private final SystemdVersion target;
    private final Diagnostics diagnostics;

    JobChecks(Job job, Fields f, SystemdVersion target, Diagnostics diagnostics) {
        this.job = job;
        this.f = f;
        this.target = target;
        this.diagnostics = diagnostics;
    }

    void check() {
        boolean monotonic = job.timer().schedule() instanceof Schedule.Every
                || job.timer().schedule() instanceof Schedule.Cron c && c.atBoot();
        if (job.runner().idempotent() && monotonic) {
            diagnostics.errorWithHint(DiagnosticCode.INVALID_VALUE, f.valueAt("idempotent"),
                    "periods come from calendar schedules; use 'schedule:' or 'cron:'", "idempotent",
                    "'period' needs a calendar schedule, but job '" + job.name() + "' runs on an interval");
        }
        if (job.runner().lock() instanceof LockSpec.Cluster && job.runner().clusterUrlFile().isEmpty()) {
            diagnostics.errorWithHint(DiagnosticCode.MISSING_KEY, f.valueAt("lock"),
                    "add 'cluster: {url-file: /etc/jobgen/cluster.url}'", "cluster.url-file", " for 'lock: cluster'");
        }
        if (!(job.runner().lock() instanceof LockSpec.Cluster) && f.has("cluster")) {
            diagnostics.errorWithHint(DiagnosticCode.INVALID_VALUE, f.keyAt("cluster"), "set 'lock: cluster' or drop 'cluster'",
                    "cluster", "is only used with 'lock: cluster'");
        }
        if (job.runner().onBusy().waitUpTo().isPresent() && job.runner().lock() instanceof LockSpec.None) {
            diagnostics.errorWithHint(DiagnosticCode.INVALID_VALUE, f.valueAt("on-busy"), "set 'lock:' or drop 'on-busy'",
                    "on-busy", "has no effect without a lock");
        }
        if (f.has("alert-after") && job.alerts().onFailure().isEmpty()) {
            diagnostics.errorWithHint(DiagnosticCode.INVALID_VALUE, f.keyAt("alert-after"), "add 'on-failure:' or drop 'alert-after'",
                    "alert-after", "has no effect without 'on-failure'");
        }
        if (!target.atLeast(235) && job.usesRunner()) {
            diagnostics.error(DiagnosticCode.NEEDS_NEWER_SYSTEMD, job.at(), "the runner's state directory (StateDirectory=)", "235",
                    String.valueOf(target.number()));
        }
        // MemoryMax= has no older spelling jobgen writes (MemoryLimit= is the cgroup-v1 knob)
        if (!target.atLeast(231) && job.execution().resources().memoryMaxBytes().isPresent()) {
            diagnostics.error(DiagnosticCode.NEEDS_NEWER_SYSTEMD, job.at(), "the memory limit (MemoryMax=)", "231",
                    String.valueOf(target.number()));
        }
    }
}
