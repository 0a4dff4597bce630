package dev.jobgen.plan;

import dev.jobgen.model.ByteSize;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.model.OnFailure;
import dev.jobgen.model.Resources;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.UnitKeys;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.unitfile.SystemdEscaper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code .service} of one job: what runs, as whom, with which limits and which runner flags. */
final class ServicePlanner {
    static final String LOCK_DIR = "/run/lock/jobgen";
    /** Time the runner may need beyond the child's attempts: kill grace, pings, bookkeeping. */
    static final long RUNNER_MARGIN_MICROS = 60_000_000L;
    private static final long STOP_TIMEOUT_MICROS = 30_000_000L;

    private final Catalogue catalogue;
    private final Job job;

    ServicePlanner(Catalogue catalogue, Job job) {
        this.catalogue = catalogue;
        this.job = job;
    }

    Unit plan() {
        String name = UnitNames.service(catalogue.unitPrefix(), job.name());
        SectionBuilder unit = Provenance.unitSection(catalogue, SystemdEscaper.text(Provenance.description(job)));
        job.alerts().onFailure().ifPresent(f -> {
            unit.add("OnFailure", UnitNames.notifyInstance(catalogue.unitPrefix(), "%n"));
            unitKeys(job, f).entries().forEach(e -> unit.add(e.key(), e.value()));
        });

        SectionBuilder service = new SectionBuilder("Service", catalogue.target());
        service.add("Type", "oneshot");
        boolean runner = job.usesRunner();
        boolean lean = LeanUnit.eligible(job, catalogue.target());
        boolean lockDir = job.runner().lock() instanceof LockSpec.Node || job.runner().lock() instanceof LockSpec.Group;
        if (lockDir) {
            lockDirectory(service, lean);
        }
        if (lean) {
            LeanUnit.exec(service, catalogue.runnerPath(), job, catalogue.target());
        } else {
            List<String> argv = runner ? RunnerFlags.argv(catalogue.runnerPath(), job, catalogue.target()) : job.command().argv();
            service.add("ExecStart", SystemdEscaper.commandLine(argv));
        }
        service.add("TimeoutStartSec", lean ? LeanUnit.startTimeout(job) : startTimeout());
        if (runner) {
            // SIGTERM to the runner only: it forwards to the child's process group and records the kill;
            // a lean run has no runner, so systemd signals the whole control group (its default)
            if (!lean) {
                service.add("KillMode", "mixed");
            }
            service.add("TimeoutStopSec", new TimeSpan(STOP_TIMEOUT_MICROS).normalized());
            service.add("StateDirectory", UnitNames.stateDirectory(job.name()));
        }
        job.execution().user().ifPresent(u -> service.add("User", u));
        job.execution().group().ifPresent(g -> service.add("Group", g));
        job.execution().workingDirectory().ifPresent(d -> service.add("WorkingDirectory", SystemdEscaper.path(d)));
        for (Map.Entry<String, String> e : job.execution().environment().entrySet()) {
            service.add("Environment", SystemdEscaper.environment(e.getKey(), e.getValue()));
        }
        job.execution().environmentFiles().forEach(f -> service.add("EnvironmentFile", SystemdEscaper.path(f)));
        credentials(service);
        resources(service, job.execution().resources());
        SandboxProfiles.apply(job, service, lockDir);
        service.add("SyslogIdentifier", SystemdEscaper.text(catalogue.unitPrefix() + job.name()));
        service.addIfSupported("LogExtraFields", "JOBGEN_JOB=" + job.name());
        return new Unit(name, Unit.Kind.SERVICE, Provenance.header(catalogue, job),
                List.of(unit.build(), service.build()));
    }

    /** What {@code jobgen notify} reads from the unit to alert about a failure of this job. */
    static UnitKeys unitKeys(Job job, OnFailure f) {
        return new UnitKeys(job.name(), Optional.of(Path.of("/var/lib/" + UnitNames.stateDirectory(job.name()))),
                f.command().orElse(List.of()), f.webhook(), f.email(), job.alerts().alertAfter(), f.webhookFile().map(Path::of));
    }

    /**
     * The lock directory is root's, mode 0755 (tmpfiles.d makes it at boot): no other user may
     * plant, swap or delete lock files there. A root job's runner uses it directly; the step below
     * (with full privileges, '+', since /run may be read-only for a sandboxed job) makes it only
     * when missing and never touches an existing one, which the runner checks. A job with
     * {@code User=} cannot create files there, so systemd makes it a directory of its own
     * under it, kept after the run so no lock file vanishes under a runner that holds it.
     */
    private void lockDirectory(SectionBuilder service, boolean lean) {
        if (job.execution().user().isPresent()) {
            service.add("RuntimeDirectory", userLockDirectory(job.execution().user().get()));
            service.add("RuntimeDirectoryMode", "0700");
            service.add("RuntimeDirectoryPreserve", "yes");
        } else if (lean) {
            service.add("ExecCondition", LeanUnit.lockDirectoryCondition());
        } else {
            service.add("ExecStartPre", "+" + SystemdEscaper.commandLine(List.of("/bin/sh", "-c",
                    "[ -e \"$0\" ] || [ -h \"$0\" ] || exec mkdir -m 0755 \"$0\"", LOCK_DIR)));
        }
    }

    /** {@code RuntimeDirectory=} of a job user's locks, relative to /run as systemd takes it. */
    static String userLockDirectory(String user) {
        return "lock/jobgen/user-" + user;
    }

    private void credentials(SectionBuilder service) {
        if (!RunnerFlags.credentials(catalogue.target())) {
            return;
        }
        job.alerts().heartbeat().flatMap(h -> h.urlFile()).ifPresent(f ->
                service.add("LoadCredential", RunnerFlags.HEARTBEAT_CREDENTIAL + ":" + SystemdEscaper.path(f)));
        job.runner().clusterUrlFile().ifPresent(f ->
                service.add("LoadCredential", RunnerFlags.CLUSTER_CREDENTIAL + ":" + SystemdEscaper.path(f)));
    }

    private static void resources(SectionBuilder service, Resources r) {
        r.nice().ifPresent(n -> service.add("Nice", Integer.toString(n)));
        r.cpuQuotaPercent().ifPresent(q -> service.add("CPUQuota", q + "%"));
        r.memoryMaxBytes().ifPresent(m -> service.add("MemoryMax", new ByteSize(m).systemd()));
        r.io().ifPresent(io -> service.add("IOSchedulingClass", io.id()));
    }

    /**
     * A oneshot service has no start timeout unless one is set. Without the runner, the job's
     * timeout is it; with the runner, every attempt, every retry delay and a margin for the
     * runner's own work, so systemd only steps in when the runner itself hangs.
     */
    private String startTimeout() {
        if (job.runner().timeout().isInfinite()) {
            return "infinity";
        }
        if (!job.usesRunner()) {
            return job.runner().timeout().normalized();
        }
        int attempts = job.runner().retry().attempts();
        long total = 0;
        try {
            total = Math.multiplyExact(job.runner().timeout().saturatedMicros(), (long) attempts);
            for (int n = 1; n < attempts; n++) {
                total = Math.addExact(total, job.runner().retry().delayAfterAttemptMicros(n));
            }
            total = Math.addExact(total, RUNNER_MARGIN_MICROS);
        } catch (ArithmeticException e) {
            return "infinity";
        }
        return new TimeSpan(total).normalized();
    }
}
