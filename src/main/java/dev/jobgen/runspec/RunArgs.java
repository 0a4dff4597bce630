package dev.jobgen.runspec;

import dev.jobgen.runspec.HeartbeatSpec.UrlSource;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.time.TimeSpanException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code jobgen run} argv of a {@link RunSpec}, both ways: {@link #write} for the planner's
 * {@code ExecStart=}, {@link #read} for the runner, side by side over {@link RunFlag} so that
 * {@code read(write(spec))} is {@code spec}. Flags at their default are not written. Read by hand:
 * picocli costs 150-200 ms of start-up on the runner's hot path. Flags take their value as the
 * next argument or after {@code =}; everything after {@code --} is the command.
 */
public final class RunArgs {

    private final List<String> args;
    private int pos;
    private final RunSpec.Builder spec = RunSpec.builder(null, List.of());
    private HeartbeatProvider provider;
    private UrlSource url;
    private Optional<String> startTemplate = Optional.empty();
    private Optional<String> failureTemplate = Optional.empty();
    private Optional<OnUnavailable> onUnavailable = Optional.empty();
    private Optional<Path> clusterUrlFile = Optional.empty();
    private Optional<String> clusterCredential = Optional.empty();

    private RunArgs(List<String> args) {
        this.args = args;
    }

    /** {@code runner run FLAGS -- COMMAND}: the argv of the spec, for {@code ExecStart=}. */
    public static List<String> write(String runner, RunSpec spec) {
        List<String> a = new ArrayList<>(List.of(runner, "run"));
        for (RunFlag f : RunFlag.values()) {
            a.addAll(words(f, spec));
        }
        a.add("--");
        a.addAll(spec.command());
        return a;
    }

    /** The words of one flag of the table for {@code s}: none at its default. A switch expression, so a new flag must be given its case. */
    private static List<String> words(RunFlag f, RunSpec s) {
        Optional<HeartbeatSpec> hb = s.heartbeat();
        return switch (f) {
            case JOB -> words(f, s.job());
            case STATE_DIR -> optional(f, s.stateDir().map(Path::toString));
            case LOCK -> s.lock().match(List::of, () -> words(f, "node"), g -> words(f, "group", g.name()), () -> words(f, "cluster"));
            case LOCK_DIR -> when(!s.lockDir().equals(RunSpec.DEFAULT_LOCK_DIR), f, s.lockDir().toString());
            case ON_BUSY -> s.onBusy().waitUpTo().map(w -> words(f, "wait", span(w))).orElse(List.of());
            case MAX_BUSY_SKIPS -> when(s.maxBusySkips() != RunSpec.DEFAULT_MAX_BUSY_SKIPS, f, Integer.toString(s.maxBusySkips()));
            case CLUSTER_URL_FILE -> optional(f, s.cluster().urlFile().map(Path::toString));
            case CLUSTER_CREDENTIAL -> optional(f, s.cluster().credential());
            case ON_UNAVAILABLE -> when(s.cluster().onUnavailable() != OnUnavailable.FAIL, f, s.cluster().onUnavailable().id());
            case IDEMPOTENT -> when(s.idempotent(), f, "period");
            case SCHEDULE -> s.schedules().stream().flatMap(e -> words(f, e).stream()).toList();
            case FORCE -> when(s.force(), f);
            case TIMEOUT -> when(!s.timeout().isInfinite(), f, span(s.timeout()));
            case KILL_GRACE -> when(!s.killGrace().equals(RunSpec.DEFAULT_KILL_GRACE), f, span(s.killGrace()));
            // with retries, the delay is written even at 0s: the line shows the whole policy
            case ATTEMPTS -> when(s.retry().retries(), f, Integer.toString(s.retry().attempts()));
            case RETRY_DELAY -> when(s.retry().retries() || !s.retry().delay().equals(TimeSpan.ZERO), f, span(s.retry().delay()));
            case BACKOFF -> when(s.retry().backoff() != 1.0, f, decimal(s.retry().backoff()));
            case MAX_DELAY -> optional(f, s.retry().maxDelay().map(RunArgs::span));
            case PERMANENT_EXIT_CODES -> when(!s.permanentExitCodes().isEmpty(), f,
                    String.join(",", s.permanentExitCodes().stream().map(String::valueOf).toList()));
            case HEARTBEAT -> optional(f, hb.map(h -> h.provider().id()));
            case HEARTBEAT_URL -> optional(f, url(hb, UrlSource.Kind.literal));
            case HEARTBEAT_URL_FILE -> optional(f, url(hb, UrlSource.Kind.file));
            case HEARTBEAT_CREDENTIAL -> optional(f, url(hb, UrlSource.Kind.credential));
            case HEARTBEAT_START_URL -> optional(f, hb.flatMap(HeartbeatSpec::startTemplate));
            case HEARTBEAT_FAILURE_URL -> optional(f, hb.flatMap(HeartbeatSpec::failureTemplate));
            // always with a heartbeat: the failure ping's size is part of what the line shows
            case LOG_TAIL -> when(hb.isPresent() || s.logTail() != RunSpec.DEFAULT_LOG_TAIL, f, Integer.toString(s.logTail()));
            case METRICS_DIR -> optional(f, s.metricsDir().map(Path::toString));
        };
    }

    private static List<String> words(RunFlag f, String... values) {
        List<String> w = new ArrayList<>(1 + values.length);
        w.add(f.flag());
        w.addAll(Arrays.asList(values));
        return w;
    }

    private static List<String> when(boolean write, RunFlag f, String... values) {
        return write ? words(f, values) : List.of();
    }

    private static List<String> optional(RunFlag f, Optional<String> value) {
        return value.isPresent() ? words(f, value.get()) : List.of();
    }

    private static Optional<String> url(Optional<HeartbeatSpec> hb, UrlSource.Kind kind) {
        return hb.filter(h -> h.url().kind() == kind).map(h -> h.url().value());
    }

    /** Spans as one word without blanks (systemd accepts "1h30min"), so ExecStart= stays readable. */
    public static String span(TimeSpan t) {
        return t.normalized().replace(" ", "");
    }

    private static String decimal(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    /** Reads {@code args} (without the leading {@code run}). */
    public static RunSpec read(List<String> args) throws UsageException {
        return new RunArgs(args).read();
    }

    private RunSpec read() throws UsageException {
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
            String name = eq < 0 ? arg : arg.substring(0, eq);
            RunFlag flag = RunFlag.named(name);
            if (flag == null) {
                throw new UsageException("unknown flag '" + name + "'");
            }
            read(flag, eq < 0 ? null : arg.substring(eq + 1));
        }
        if (spec.job == null) {
            throw new UsageException("--job NAME is required");
        }
        if (command == null || command.isEmpty()) {
            throw new UsageException("missing command: put it after '--'");
        }
        spec.command = command;
        return build();
    }

    private void read(RunFlag f, String inline) throws UsageException {
        if (!f.takesValue()) {
            if (inline != null) {
                throw new UsageException(f.flag() + " takes no value");
            }
            spec.force = true; // FORCE, the one flag without a value
            return;
        }
        String flag = f.flag();
        String v = value(flag, inline);
        switch (f) {
            case JOB -> spec.job = name(flag, v);
            case STATE_DIR -> spec.stateDir = Optional.of(Path.of(v));
            case LOCK -> lock(v);
            case LOCK_DIR -> spec.lockDir = Path.of(v);
            case ON_BUSY -> onBusy(v);
            case MAX_BUSY_SKIPS -> spec.maxBusySkips = integer(flag, v, 0, 1000);
            case CLUSTER_URL_FILE -> clusterUrlFile = Optional.of(Path.of(v));
            case CLUSTER_CREDENTIAL -> clusterCredential = Optional.of(v);
            case ON_UNAVAILABLE -> onUnavailable = Optional.of(OnUnavailable.of(oneOf(flag, v, "fail", "run", "skip")).get());
            case IDEMPOTENT -> spec.idempotent = oneOf(flag, v, "period", "none").equals("period");
            case SCHEDULE -> spec.schedules.add(v);
            case TIMEOUT -> spec.timeout = span(flag, v);
            case KILL_GRACE -> spec.killGrace = span(flag, v);
            case ATTEMPTS -> spec.retry = new RetryPolicy(integer(flag, v, 1, 1000), spec.retry.delay(), spec.retry.backoff(), spec.retry.maxDelay());
            case RETRY_DELAY -> spec.retry = new RetryPolicy(spec.retry.attempts(), span(flag, v), spec.retry.backoff(), spec.retry.maxDelay());
            case BACKOFF -> spec.retry = new RetryPolicy(spec.retry.attempts(), spec.retry.delay(), factor(flag, v), spec.retry.maxDelay());
            case MAX_DELAY -> spec.retry = new RetryPolicy(spec.retry.attempts(), spec.retry.delay(), spec.retry.backoff(), Optional.of(span(flag, v)));
            case PERMANENT_EXIT_CODES -> spec.permanentExitCodes = exitCodes(flag, v);
            case HEARTBEAT -> provider = HeartbeatProvider.of(oneOf(flag, v, "healthchecks", "cronitor", "url")).get();
            case HEARTBEAT_URL -> url(flag, UrlSource.Kind.literal, v);
            case HEARTBEAT_URL_FILE -> url(flag, UrlSource.Kind.file, v);
            case HEARTBEAT_CREDENTIAL -> url(flag, UrlSource.Kind.credential, v);
            case HEARTBEAT_START_URL -> startTemplate = Optional.of(v);
            case HEARTBEAT_FAILURE_URL -> failureTemplate = Optional.of(v);
            case LOG_TAIL -> spec.logTail = integer(flag, v, 0, RunSpec.MAX_LOG_TAIL);
            case METRICS_DIR -> spec.metricsDir = Optional.of(Path.of(v));
            case FORCE -> throw new IllegalStateException("handled above");
        }
    }

    private RunSpec build() throws UsageException {
        if (spec.idempotent && spec.schedules.isEmpty()) {
            throw new UsageException("--idempotent period needs at least one --schedule");
        }
        boolean cluster = spec.lock instanceof LockSpec.Cluster;
        if (!cluster && (clusterUrlFile.isPresent() || clusterCredential.isPresent() || onUnavailable.isPresent())) {
            throw new UsageException("--cluster-url-file, --cluster-credential and --on-unavailable need --lock cluster");
        }
        if (cluster && clusterUrlFile.isEmpty() && clusterCredential.isEmpty()) {
            throw new UsageException("--lock cluster needs --cluster-url-file PATH or --cluster-credential NAME");
        }
        if (cluster) {
            spec.cluster = new RunSpec.ClusterSettings(clusterUrlFile, clusterCredential, onUnavailable.orElse(OnUnavailable.FAIL));
        }
        spec.heartbeat = heartbeat();
        return spec.build();
    }

    private Optional<HeartbeatSpec> heartbeat() throws UsageException {
        if (provider == null) {
            if (url != null || startTemplate.isPresent() || failureTemplate.isPresent()) {
                throw new UsageException("--heartbeat-url* flags need --heartbeat healthchecks|cronitor|url");
            }
            return Optional.empty();
        }
        if (url == null) {
            throw new UsageException("--heartbeat needs one of --heartbeat-url, --heartbeat-url-file, --heartbeat-credential");
        }
        if (provider != HeartbeatProvider.URL && (startTemplate.isPresent() || failureTemplate.isPresent())) {
            throw new UsageException("--heartbeat-start-url and --heartbeat-failure-url are for --heartbeat url");
        }
        return Optional.of(new HeartbeatSpec(provider, url, startTemplate, failureTemplate));
    }

    private void lock(String kind) throws UsageException {
        switch (oneOf("--lock", kind, "node", "group", "cluster", "none")) {
            case "node" -> spec.lock = new LockSpec.Node();
            case "group" -> {
                if (pos >= args.size()) {
                    throw new UsageException("--lock group needs a group name");
                }
                spec.lock = new LockSpec.Group(name("--lock group", args.get(pos++)));
            }
            case "cluster" -> spec.lock = new LockSpec.Cluster();
            default -> spec.lock = new LockSpec.None();
        }
    }

    private void onBusy(String kind) throws UsageException {
        if (oneOf("--on-busy", kind, "skip", "wait").equals("skip")) {
            spec.onBusy = OnBusy.SKIP;
            return;
        }
        if (pos >= args.size()) {
            throw new UsageException("--on-busy wait needs a time span");
        }
        spec.onBusy = new OnBusy(Optional.of(span("--on-busy wait", args.get(pos++))));
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

    private static List<Integer> exitCodes(String flag, String value) throws UsageException {
        LinkedHashSet<Integer> codes = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            codes.add(integer(flag, part.trim(), 0, 255));
        }
        return List.copyOf(codes);
    }

    private static TimeSpan span(String flag, String value) throws UsageException {
        try {
            return TimeSpan.parse(value);
        } catch (TimeSpanException e) {
            throw new UsageException(flag + ": '" + value + "' is not a time span: " + e.getMessage());
        }
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
