package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Heartbeat;
import dev.jobgen.model.Names;
import dev.jobgen.model.OnFailure;
import dev.jobgen.runspec.HeartbeatProvider;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.OnBusy;
import dev.jobgen.runspec.OnUnavailable;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.time.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the runner adds: retries, locks, period stamps, cluster claims, heartbeats and alerts. */
final class RunnerOptionsBinder {
    private static final Set<String> RETRY_KEYS = CatalogueKeys.RETRY.names();
    private static final Set<String> CLUSTER_KEYS = CatalogueKeys.CLUSTER.names();
    private static final Set<String> HEARTBEAT_KEYS = CatalogueKeys.HEARTBEAT.names();
    private static final Set<String> ON_FAILURE_KEYS = CatalogueKeys.ON_FAILURE.names();
    static final long DEFAULT_LOG_TAIL = RunSpec.DEFAULT_LOG_TAIL;

    private final Fields f;
    private final Optional<Fields> cluster;

    RunnerOptionsBinder(Fields f) {
        this.f = f;
        this.cluster = f.map("cluster").map(m -> Fields.of(m, "cluster", CLUSTER_KEYS, f.diagnostics()));
    }

    RetryPolicy retry() {
        Optional<YNode.Mapping> map = f.map("retry");
        if (map.isEmpty()) {
            return RetryPolicy.NONE;
        }
        Fields r = Fields.of(map.get(), "retry", RETRY_KEYS, f.diagnostics());
        int attempts = r.integer("attempts", 1, 100).orElse(3);
        TimeSpan delay = r.span("delay").orElse(TimeSpan.ofSeconds(30));
        double backoff = r.decimal("backoff", 1.0, 100.0).orElse(1.0);
        Optional<TimeSpan> maxDelay = r.span("max-delay");
        if (delay.isInfinite() || maxDelay.filter(TimeSpan::isInfinite).isPresent()) {
            f.diagnostics().error(DiagnosticCode.INVALID_VALUE, r.valueAt("delay"), "retry", "delays must be finite");
        }
        return new RetryPolicy(attempts, delay, backoff, maxDelay);
    }

    List<Integer> permanentExitCodes() {
        List<Integer> codes = new ArrayList<>();
        for (YNode.Scalar s : f.scalars("permanent-exit-codes", false).orElse(List.of())) {
            try {
                int code = Integer.parseInt(s.text());
                if (code < 1 || code > 255) {
                    throw new NumberFormatException();
                }
                codes.add(code);
            } catch (NumberFormatException e) {
                f.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "permanent-exit-codes", "exit codes are 1 to 255, found '" + s.text() + "'");
            }
        }
        return codes.stream().distinct().sorted().toList();
    }

    LockSpec lock() {
        return f.scalar("lock").map(s -> switch (s.text()) {
            case "none" -> new LockSpec.None();
            case "node" -> new LockSpec.Node();
            case "cluster" -> new LockSpec.Cluster();
            default -> {
                if (!Names.isLockGroup(s.text())) {
                    f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, s.at(),
                            "use none, node, cluster, or a group name like 'db-maintenance'", "lock", "'" + s.text() + "'");
                }
                yield (LockSpec) new LockSpec.Group(s.text());
            }
        }).orElse(new LockSpec.None());
    }

    OnBusy onBusy() {
        return f.scalar("on-busy").map(s -> {
            String text = s.text().strip();
            if (text.equals("skip")) {
                return OnBusy.SKIP;
            }
            if (text.startsWith("wait ")) {
                YNode.Scalar span = new YNode.Scalar(s.charAt(5), text.substring(5).strip(), s.type(), false);
                return Fields.span(span, "on-busy", f.diagnostics()).map(t -> new OnBusy(Optional.of(t))).orElse(OnBusy.SKIP);
            }
            f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, s.at(), "write 'skip' or 'wait 5min'", "on-busy", "'" + text + "'");
            return OnBusy.SKIP;
        }).orElse(OnBusy.SKIP);
    }

    Optional<String> clusterUrlFile() {
        return cluster.flatMap(c -> c.string("url-file").filter(p -> ExecutionBinder.absolute(c, "url-file", p)));
    }

    OnUnavailable onUnavailable() {
        return cluster.flatMap(c -> c.scalar("on-unavailable"))
                .map(s -> OnUnavailable.of(s.text()).orElseGet(() -> {
                    f.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "on-unavailable", "use fail, run or skip");
                    return OnUnavailable.FAIL;
                })).orElse(OnUnavailable.FAIL);
    }

    boolean idempotent() {
        return f.scalar("idempotent").map(s -> switch (s.text()) {
            case "period" -> true;
            case "none" -> false;
            default -> {
                f.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "idempotent", "use 'none' or 'period'");
                yield false;
            }
        }).orElse(false);
    }

    Optional<Heartbeat> heartbeat() {
        return f.map("heartbeat").flatMap(m -> {
            Fields h = Fields.of(m, "heartbeat", HEARTBEAT_KEYS, f.diagnostics());
            Optional<HeartbeatProvider> provider = h.scalar("provider").flatMap(s -> {
                Optional<HeartbeatProvider> p = HeartbeatProvider.of(s.text().toLowerCase(Locale.ROOT));
                if (p.isEmpty()) {
                    h.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "provider", "use healthchecks, cronitor or url");
                }
                return p;
            });
            if (!h.has("provider")) {
                h.diagnostics().error(DiagnosticCode.MISSING_KEY, h.at(), "provider", " in heartbeat");
            }
            if (h.has("url") == h.has("url-file")) {
                h.diagnostics().errorWithHint(DiagnosticCode.MISSING_KEY, h.at(),
                        "give exactly one of 'url' and 'url-file' (a file readable by the job's user, for secret URLs)", "url", " in heartbeat");
                return Optional.empty();
            }
            Optional<String> url = h.string("url").filter(u -> isUrl(h, "url", u) && notSecret(h, "url", u, "url-file"));
            Optional<String> urlFile = h.string("url-file").filter(p -> ExecutionBinder.absolute(h, "url-file", p));
            Optional<String> start = h.string("start-url").filter(u -> isUrl(h, "start-url", u) && notSecret(h, "start-url", u, null));
            Optional<String> failure = h.string("failure-url").filter(u -> isUrl(h, "failure-url", u) && notSecret(h, "failure-url", u, null));
            long tail = h.scalar("log-tail").flatMap(s -> ExecutionBinder.size(s, "log-tail", h.diagnostics()).filter(n -> {
                // the runner keeps the tail in memory and refuses more (RunArgs): every run would end in a usage error
                if (n > RunSpec.MAX_LOG_TAIL) {
                    h.diagnostics().error(DiagnosticCode.INVALID_SIZE, s.at(), s.text(), "'log-tail' is at most 100MiB, what the runner keeps in memory");
                }
                return n <= RunSpec.MAX_LOG_TAIL;
            })).orElse(DEFAULT_LOG_TAIL);
            if (provider.isEmpty() || (url.isEmpty() && urlFile.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Heartbeat(provider.get(), url, urlFile, start, failure, tail));
        });
    }

    Optional<OnFailure> onFailure() {
        return f.map("on-failure").map(m -> {
            Fields o = Fields.of(m, "on-failure", ON_FAILURE_KEYS, f.diagnostics());
            Optional<List<String>> command = o.has("command") ? JobBinder.argv(o, "command") : Optional.empty();
            Optional<String> webhook = o.string("webhook").filter(u -> isUrl(o, "webhook", u) && notSecret(o, "webhook", u, "webhook-file"));
            Optional<String> webhookFile = o.string("webhook-file").filter(p -> ExecutionBinder.absolute(o, "webhook-file", p));
            if (webhook.isPresent() && webhookFile.isPresent()) {
                o.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, o.valueAt("webhook-file"), "keep one of them", "webhook-file",
                        "give either 'webhook' or 'webhook-file', not both");
            }
            Optional<String> email = o.string("email").filter(e -> {
                // the address goes into the unit's ExecStart= and to sendmail: no control characters
                boolean ok = e.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
                if (!ok) {
                    o.diagnostics().error(DiagnosticCode.INVALID_VALUE, o.valueAt("email"), "email", "'" + e + "' is not an email address");
                }
                return ok && JobBinder.representable(o.scalar("email").orElseThrow(), "email", o.diagnostics());
            });
            return new OnFailure(command, webhook, email, webhookFile);
        });
    }

    int alertAfter() {
        return f.integer("alert-after", 1, 1000).orElse(1);
    }

    /** Warns (a guess) when a literal URL looks like it carries a secret; keeps the value either way. */
    private static boolean notSecret(Fields f, String key, String value, String fileKey) {
        SecretUrls.why(value).ifPresent(why -> f.diagnostics().warningWithHint(DiagnosticCode.SECRET_IN_URL, f.valueAt(key),
                fileKey == null ? "give the URL with 'url-file:' and keep the templates free of keys"
                        : "put the URL in a file only root can read and give it as '" + fileKey + ":'",
                key, why));
        return true;
    }

    private static boolean isUrl(Fields f, String key, String value) {
        boolean ok = value.startsWith("http://") || value.startsWith("https://");
        if (!ok) {
            f.diagnostics().error(DiagnosticCode.INVALID_VALUE, f.valueAt(key), key, "'" + value + "' is not an http:// or https:// URL");
        }
        return ok && JobBinder.representable(f.scalar(key).orElseThrow(), key, f.diagnostics());
    }
}
