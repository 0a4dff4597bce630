package dev.jobgen.plan;

import dev.jobgen.model.Heartbeat;
import dev.jobgen.model.Job;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.runspec.HeartbeatSpec;
import dev.jobgen.runspec.HeartbeatSpec.UrlSource;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunArgs;
import dev.jobgen.runspec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code jobgen run} is told for a job: every runner setting travels as a flag on the
 * {@code ExecStart=} line, so {@code systemctl cat} shows all the runner will do. This class
 * decides the {@link RunSpec} (secrets as credentials where systemd has them, the schedule only
 * where the runner needs it); {@link RunArgs} spells it. The flag names are public interface
 * (src/docs/runner.md, "Flags").
 */
final class RunnerFlags {
    /** Names under {@code $CREDENTIALS_DIRECTORY} for secrets delivered with {@code LoadCredential=}. */
    static final String HEARTBEAT_CREDENTIAL = "heartbeat-url";
    static final String CLUSTER_CREDENTIAL = "cluster-url";

    private RunnerFlags() {}

    static List<String> argv(String runnerPath, Job job, SystemdVersion target) {
        return RunArgs.write(runnerPath, spec(job, target));
    }

    static RunSpec spec(Job job, SystemdVersion target) {
        RunSpec.Builder s = RunSpec.builder(job.name(), job.command().argv());
        s.lock = job.runner().lock();
        if (job.execution().user().isPresent() && (job.runner().lock() instanceof LockSpec.Node || job.runner().lock() instanceof LockSpec.Group)) {
            s.lockDir = Path.of("/run/" + ServicePlanner.userLockDirectory(job.execution().user().get()));
        }
        s.onBusy = job.runner().onBusy();
        job.runner().clusterUrlFile().ifPresent(file -> s.cluster = credentials(target)
                ? new RunSpec.ClusterSettings(Optional.empty(), Optional.of(CLUSTER_CREDENTIAL), job.runner().onUnavailable())
                : new RunSpec.ClusterSettings(Optional.of(Path.of(file)), Optional.empty(), job.runner().onUnavailable()));
        s.idempotent = job.runner().idempotent();
        // a cluster claim is per schedule period even without local stamps: every node's timer fires for it
        if (job.runner().idempotent() || job.runner().lock() instanceof LockSpec.Cluster) {
            s.schedules = job.timer().schedule().calendarExpressions();
        }
        s.timeout = job.runner().timeout();
        s.retry = job.runner().retry().retries() ? job.runner().retry() : RetryPolicy.NONE;
        s.permanentExitCodes = job.runner().permanentExitCodes();
        job.alerts().heartbeat().ifPresent(h -> {
            s.heartbeat = Optional.of(heartbeat(h, target));
            s.logTail = (int) h.logTailBytes();
        });
        s.metricsDir = job.runner().metricsDir().map(Path::of);
        return s.build();
    }

    private static HeartbeatSpec heartbeat(Heartbeat h, SystemdVersion target) {
        UrlSource url = h.url().map(u -> new UrlSource(UrlSource.Kind.literal, u))
                .orElseGet(() -> credentials(target) ? new UrlSource(UrlSource.Kind.credential, HEARTBEAT_CREDENTIAL)
                        : new UrlSource(UrlSource.Kind.file, h.urlFile().orElseThrow()));
        return new HeartbeatSpec(h.provider(), url, h.startUrl(), h.failureUrl());
    }

    static boolean credentials(SystemdVersion target) {
        return target.atLeast(DirectiveGates.introduced("LoadCredential"));
    }
}
