package dev.jobgen.plan;

import dev.jobgen.model.Heartbeat;
import dev.jobgen.model.Job;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code jobgen run} argv for a job: every runner setting travels as a flag on the
 * {@code ExecStart=} line, so {@code systemctl cat} shows all the runner will do. The flag names
 * are public interface (README, "Runner flags").
 */
final class RunnerFlags {
    /** Names under {@code $CREDENTIALS_DIRECTORY} for secrets delivered with {@code LoadCredential=}. */
    static final String HEARTBEAT_CREDENTIAL = "heartbeat-url";
    static final String CLUSTER_CREDENTIAL = "cluster-url";

    private RunnerFlags() {}

    static List<String> argv(String runnerPath, Job job, SystemdVersion target) {
        List<String> a = new ArrayList<>(List.of(runnerPath, "run", "--job", job.name()));
        job.lock().match(
                () -> null,
                () -> a.addAll(List.of("--lock", "node")),
                g -> a.addAll(List.of("--lock", "group", g.name())),
                () -> a.addAll(List.of("--lock", "cluster")));
        if (job.user().isPresent() && (job.lock() instanceof LockSpec.Node || job.lock() instanceof LockSpec.Group)) {
            a.addAll(List.of("--lock-dir", "/run/" + ServicePlanner.userLockDirectory(job.user().get())));
        }
        job.onBusy().waitUpTo().ifPresent(w -> a.addAll(List.of("--on-busy", "wait", span(w))));
        job.clusterUrlFile().ifPresent(file -> {
            if (credentials(target)) {
                a.addAll(List.of("--cluster-credential", CLUSTER_CREDENTIAL));
            } else {
                a.addAll(List.of("--cluster-url-file", file));
            }
            if (!job.onUnavailable().equals("fail")) {
                a.addAll(List.of("--on-unavailable", job.onUnavailable()));
            }
        });
        if (job.idempotent()) {
            a.addAll(List.of("--idempotent", "period"));
        }
        // a cluster claim is per schedule period even without local stamps: every node's timer fires for it
        if (job.idempotent() || job.lock() instanceof LockSpec.Cluster) {
            job.schedule().calendarExpressions().forEach(e -> a.addAll(List.of("--schedule", e)));
        }
        if (!job.timeout().isInfinite()) {
            a.addAll(List.of("--timeout", span(job.timeout())));
        }
        RetryPolicy r = job.retry();
        if (r.retries()) {
            a.addAll(List.of("--attempts", Integer.toString(r.attempts()), "--retry-delay", span(r.delay())));
            if (r.backoff() != 1.0) {
                a.addAll(List.of("--backoff", decimal(r.backoff())));
            }
            r.maxDelay().ifPresent(m -> a.addAll(List.of("--max-delay", span(m))));
        }
        if (!job.permanentExitCodes().isEmpty()) {
            a.addAll(List.of("--permanent-exit-codes",
                    job.permanentExitCodes().stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        job.heartbeat().ifPresent(h -> heartbeat(a, h, target));
        job.metricsDir().ifPresent(d -> a.addAll(List.of("--metrics-dir", d)));
        a.add("--");
        a.addAll(job.command().argv());
        return a;
    }

    private static void heartbeat(List<String> a, Heartbeat h, SystemdVersion target) {
        a.addAll(List.of("--heartbeat", h.provider().id()));
        h.url().ifPresent(u -> a.addAll(List.of("--heartbeat-url", u)));
        h.urlFile().ifPresent(f -> {
            if (credentials(target)) {
                a.addAll(List.of("--heartbeat-credential", HEARTBEAT_CREDENTIAL));
            } else {
                a.addAll(List.of("--heartbeat-url-file", f));
            }
        });
        h.startUrl().ifPresent(u -> a.addAll(List.of("--heartbeat-start-url", u)));
        h.failureUrl().ifPresent(u -> a.addAll(List.of("--heartbeat-failure-url", u)));
        a.addAll(List.of("--log-tail", Long.toString(h.logTailBytes())));
    }

    static boolean credentials(SystemdVersion target) {
        return target.atLeast(DirectiveGates.introduced("LoadCredential"));
    }

    /** Spans as one word without blanks (systemd accepts "1h30min"), so ExecStart= stays readable. */
    static String span(TimeSpan t) {
        return t.normalized().replace(" ", "");
    }

    private static String decimal(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
