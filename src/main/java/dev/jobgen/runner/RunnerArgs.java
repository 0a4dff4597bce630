package dev.jobgen.runner;

import dev.jobgen.runner.HeartbeatConfig.UrlSource;
import dev.jobgen.runner.RunnerConfig.ClusterSettings;
import dev.jobgen.runner.RunnerConfig.OnUnavailable;
import dev.jobgen.runspec.UsageException;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.time.TimeSpanException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the {@code jobgen run} flag contract by hand: picocli costs 150-200 ms of start-up on the
 * runner's hot path. Flags take their value as the next argument or after {@code =}; everything
 * after {@code --} is the command. The first argument ({@code run}) is skipped by the caller.
 */
public final class RunnerArgs {

    private final List<String> args;
    private final Map<String, String> env;
    private int pos;

    private String job;
    private Path stateDir;
    private Path lockDir = RunnerConfig.DEFAULT_LOCK_DIR;
    private LockScope lock = new LockScope.None();
    private boolean nodeLock;
    private OnBusy onBusy = OnBusy.skip();
    private int maxBusySkips = OnBusy.DEFAULT_MAX_BUSY_SKIPS;
    private boolean idempotent;
    private final List<String> schedules = new ArrayList<>();
    private Optional<Duration> timeout = Optional.empty();
    private Duration killGrace = RunnerConfig.DEFAULT_KILL_GRACE;
    private int attempts = 1;
    private Duration retryDelay = Duration.ZERO;
    private double backoff = 1.0;
    private Optional<Duration> maxDelay = Optional.empty();
    private Set<Integer> permanent = Set.of();
    private HeartbeatConfig.Provider provider;
    private UrlSource url;
    private Optional<String> startTemplate = Optional.empty();
    private Optional<String> failureTemplate = Optional.empty();
    private int logTail = RunnerConfig.DEFAULT_LOG_TAIL;
    private Optional<Path> metricsDir = Optional.empty();
    private boolean force;
    private Optional<Path> clusterUrlFile = Optional.empty();
    private Optional<String> clusterCredential = Optional.empty();
    private Optional<OnUnavailable> onUnavailable = Optional.empty();

    private RunnerArgs(List<String> args, Map<String, String> env) {
        this.args = args;
        this.env = env;
    }

    /** Parses {@code args} (without the leading {@code run}); {@code env} supplies {@code STATE_DIRECTORY}. */
    public static RunnerConfig parse(List<String> args, Map<String, String> env) throws UsageException {
        return new RunnerArgs(args, env).parse();
    }

    private RunnerConfig parse() throws UsageException {
        List<String> command = null;
        while (pos < args.size()) {
            String arg = args.get(pos++);
            if (arg.equals("--")) {
                command = args.subList(pos, args.size());
                break;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (the command goes after '--')");
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            String inline = eq < 0 ? null : arg.substring(eq + 1);
            flag(flag, inline);
        }
        if (job == null) {
            throw new UsageException("--job NAME is required");
        }
        if (command == null || command.isEmpty()) {
            throw new UsageException("missing command: put it after '--'");
        }
        return build(command);
    }

    private void flag(String flag, String inline) throws UsageException {
        switch (flag) {
            case "--job" -> job = name(flag, value(flag, inline));
            case "--state-dir" -> stateDir = Path.of(value(flag, inline));
            case "--lock-dir" -> lockDir = Path.of(value(flag, inline));
            case "--lock" -> lock(value(flag, inline));
            case "--on-busy" -> onBusy(value(flag, inline));
            case "--max-busy-skips" -> maxBusySkips = integer(flag, value(flag, inline), 0, 1000);
            case "--idempotent" -> idempotent = oneOf(flag, value(flag, inline), "period", "none").equals("period");
            case "--schedule" -> schedules.add(value(flag, inline));
            case "--timeout" -> timeout = finite(span(flag, value(flag, inline)));
            case "--kill-grace" -> killGrace = finite(span(flag, value(flag, inline))).orElse(Duration.ofDays(365));
            case "--attempts" -> attempts = integer(flag, value(flag, inline), 1, 1000);
            case "--retry-delay" -> retryDelay = finite(span(flag, value(flag, inline))).orElse(Duration.ofDays(365));
            case "--backoff" -> backoff = factor(flag, value(flag, inline));
            case "--max-delay" -> maxDelay = finite(span(flag, value(flag, inline)));
            case "--permanent-exit-codes" -> permanent = exitCodes(flag, value(flag, inline));
            case "--heartbeat" -> provider = HeartbeatConfig.Provider.valueOf(oneOf(flag, value(flag, inline), "healthchecks", "cronitor", "url"));
            case "--heartbeat-url" -> url(flag, UrlSource.Kind.literal, value(flag, inline));
            case "--heartbeat-url-file" -> url(flag, UrlSource.Kind.file, value(flag, inline));
            case "--heartbeat-credential" -> url(flag, UrlSource.Kind.credential, value(flag, inline));
            case "--heartbeat-start-url" -> startTemplate = Optional.of(value(flag, inline));
            case "--heartbeat-failure-url" -> failureTemplate = Optional.of(value(flag, inline));
            case "--log-tail" -> logTail = integer(flag, value(flag, inline), 0, 100 * 1024 * 1024);
            case "--metrics-dir" -> metricsDir = Optional.of(Path.of(value(flag, inline)));
            case "--force" -> force = noValue(flag, inline);
            case "--cluster-url-file" -> clusterUrlFile = Optional.of(Path.of(value(flag, inline)));
            case "--cluster-credential" -> clusterCredential = Optional.of(value(flag, inline));
            case "--on-unavailable" -> onUnavailable = Optional.of(OnUnavailable.valueOf(oneOf(flag, value(flag, inline), "fail", "run", "skip")));
            default -> throw new UsageException("unknown flag '" + flag + "'");
        }
    }

    private RunnerConfig build(List<String> command) throws UsageException {
        if (idempotent && schedules.isEmpty()) {
            throw new UsageException("--idempotent period needs at least one --schedule");
        }
        boolean cluster = lock instanceof LockScope.Cluster;
        if (!cluster && (clusterUrlFile.isPresent() || clusterCredential.isPresent() || onUnavailable.isPresent())) {
            throw new UsageException("--cluster-url-file, --cluster-credential and --on-unavailable need --lock cluster");
        }
        if (cluster && clusterUrlFile.isEmpty() && clusterCredential.isEmpty()) {
            throw new UsageException("--lock cluster needs --cluster-url-file PATH or --cluster-credential NAME");
        }
        if (nodeLock) {
            lock = new LockScope.Node(job);
        }
        return new RunnerConfig(job, stateDir == null ? defaultStateDir() : stateDir, lockDir, lock, onBusy.withMaxBusySkips(maxBusySkips), idempotent,
                schedules, timeout, killGrace, new RetryPolicy(attempts, retryDelay, backoff, maxDelay, permanent),
                heartbeat(), logTail, metricsDir, force,
                new ClusterSettings(clusterUrlFile, clusterCredential, onUnavailable.orElse(OnUnavailable.fail)), command);
    }

    private Optional<HeartbeatConfig> heartbeat() throws UsageException {
        if (provider == null) {
            if (url != null || startTemplate.isPresent() || failureTemplate.isPresent()) {
                throw new UsageException("--heartbeat-url* flags need --heartbeat healthchecks|cronitor|url");
            }
            return Optional.empty();
        }
        if (url == null) {
            throw new UsageException("--heartbeat needs one of --heartbeat-url, --heartbeat-url-file, --heartbeat-credential");
        }
        if (provider != HeartbeatConfig.Provider.url && (startTemplate.isPresent() || failureTemplate.isPresent())) {
            throw new UsageException("--heartbeat-start-url and --heartbeat-failure-url are for --heartbeat url");
        }
        return Optional.of(new HeartbeatConfig(provider, url, startTemplate, failureTemplate));
    }

    private Path defaultStateDir() {
        String dirs = env.get("STATE_DIRECTORY");
        if (dirs != null && !dirs.isEmpty()) {
            return Path.of(dirs.split(":", -1)[0]);
        }
        return Path.of("/var/lib/jobgen", job);
    }

    private void lock(String kind) throws UsageException {
        nodeLock = false;
        switch (oneOf("--lock", kind, "node", "group", "cluster", "none")) {
            case "node" -> nodeLock = true;
            case "group" -> {
                if (pos >= args.size()) {
                    throw new UsageException("--lock group needs a group name");
                }
                lock = new LockScope.Group(name("--lock group", args.get(pos++)));
            }
            case "cluster" -> lock = new LockScope.Cluster();
            default -> lock = new LockScope.None();
        }
    }

    private void onBusy(String kind) throws UsageException {
        if (oneOf("--on-busy", kind, "skip", "wait").equals("skip")) {
            onBusy = OnBusy.skip();
            return;
        }
        if (pos >= args.size()) {
            throw new UsageException("--on-busy wait needs a time span");
        }
        onBusy = new OnBusy(finite(span("--on-busy wait", args.get(pos++))).orElse(Duration.ofDays(365 * 100)));
    }

    private void url(String flag, UrlSource.Kind kind, String value) throws UsageException {
        if (url != null) {
            throw new UsageException(flag + ": only one of --heartbeat-url, --heartbeat-url-file, --heartbeat-credential may be given");
        }
        if (kind == UrlSource.Kind.credential && (value.isEmpty() || value.contains("/"))) {
            throw new UsageException(flag + ": '" + value + "' is not a credential name");
        }
        url = new UrlSource(kind, value);
    }

    private String value(String flag, String inline) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (pos >= args.size() || args.get(pos).equals("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(pos++);
    }

    private static boolean noValue(String flag, String inline) throws UsageException {
        if (inline != null) {
            throw new UsageException(flag + " takes no value");
        }
        return true;
    }

    private static String name(String flag, String value) throws UsageException {
        if (!isName(value)) {
            throw new UsageException(flag + ": '" + value + "' is not a valid name ([a-z0-9][a-z0-9_.-]*)");
        }
        return value;
    }

    private static String oneOf(String flag, String value, String... allowed) throws UsageException {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new UsageException(flag + ": '" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static int integer(String flag, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + ": '" + value + "' is not a whole number from " + min + " to " + max);
    }

    private static double factor(String flag, String value) throws UsageException {
        try {
            double d = Double.parseDouble(value);
            if (d >= 1.0 && d <= 1000.0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + ": '" + value + "' is not a number from 1 to 1000");
    }

    private static Set<Integer> exitCodes(String flag, String value) throws UsageException {
        Set<Integer> codes = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            codes.add(integer(flag, part.trim(), 0, 255));
        }
        return codes;
    }

    /** A span, or empty for {@code infinity}. */
    private static TimeSpan span(String flag, String value) throws UsageException {
        try {
            return TimeSpan.parse(value);
        } catch (TimeSpanException e) {
            throw new UsageException(flag + ": '" + value + "' is not a time span: " + e.getMessage());
        }
    }

    /**
     * A finite span as a Duration, capped at ~292 years: the waits count in {@code long} nanoseconds,
     * and a longer span ({@code --timeout 300y}) overflowed them into an internal error.
     */
    private static Optional<Duration> finite(TimeSpan span) {
        return span.isInfinite() ? Optional.empty()
                : Optional.of(Duration.of(Math.min(span.saturatedMicros(), Long.MAX_VALUE / 1000), ChronoUnit.MICROS));
    }

    /**
     * {@code [a-z0-9][a-z0-9_.-]*}, checked by hand: compiling a regex on the start-up path spins
     * lambda classes (java.util.regex builds its character classes from lambdas), ~4 ms per run.
     */
    static boolean isName(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
