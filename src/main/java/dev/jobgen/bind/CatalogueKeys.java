package dev.jobgen.bind;

import dev.jobgen.model.Names;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every key of the catalogue format, map by map, with the shape of its value: the binders read
 * their known keys from here, and {@code jobgen schema} writes the JSON Schema from here, so the
 * two cannot disagree about which keys exist and which are maps, lists or single values. Value
 * checks that need more than a shape (calendar syntax, paths, ranges that depend on the target)
 * stay with the binders.
 */
public final class CatalogueKeys {
    private CatalogueKeys() {}

    /** Where the package installs the JSON Schema written from these tables ({@code jobgen schema}). */
    public static final String SCHEMA_PATH = "/usr/share/jobgen/catalogue.schema.json";

    /** What a key's value may be. Any key may also be left empty (YAML null), which means absent. */
    public sealed interface Shape {}

    /** One value (a string, number or boolean in YAML): text, span, byte size, choice... */
    public record Scalar() implements Shape {}

    /** {@code true} or {@code false}. */
    public record Bool() implements Shape {}

    /** A whole number (its range is the binder's value check). */
    public record Whole() implements Shape {}

    /** A number (its range is the binder's value check). */
    public record Decimal() implements Shape {}

    /** A list of single values; with {@code singleOk} one value stands for a list of one. */
    public record Values(boolean singleOk) implements Shape {}

    /** A map with the keys of {@code table}. */
    public record Nested(Table table) implements Shape {}

    /** A map of free names (matching {@code namePattern}) to values of {@code value}. */
    public record Named(String namePattern, Shape value) implements Shape {}

    public record Key(String name, Shape shape, String description) {}

    /** The keys of one map; {@code required} ones must be present. */
    public record Table(String where, List<Key> keys, Set<String> required) {
        public Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            keys.forEach(k -> names.add(k.name()));
            return java.util.Collections.unmodifiableSet(names);
        }
    }

    private static final Shape SCALAR = new Scalar();

    public static final Table TARGET = table("target", Set.of(),
            key("systemd", new Whole(), "oldest systemd version the units must work on"),
            key("distro", SCALAR, "a distribution whose systemd is the oldest: rhel-8, ubuntu-20.04, ubuntu-22.04, debian-12, rhel-9, ubuntu-24.04, debian-13"));

    public static final Table RETRY = table("retry", Set.of(),
            key("attempts", new Whole(), "attempts in total"),
            key("delay", SCALAR, "time span before the first retry"),
            key("backoff", new Decimal(), "growth factor of the delay"),
            key("max-delay", SCALAR, "cap of the delay"));

    public static final Table CLUSTER = table("cluster", Set.of(),
            key("url-file", SCALAR, "file holding the postgresql:// URI or JDBC URL of the cluster store"),
            key("on-unavailable", SCALAR, "fail, run or skip when the store cannot be reached"));

    public static final Table HEARTBEAT = table("heartbeat", Set.of(),
            key("provider", SCALAR, "healthchecks, cronitor or url"),
            key("url", SCALAR, "the ping URL"),
            key("url-file", SCALAR, "file holding the ping URL, delivered as a credential"),
            key("start-url", SCALAR, "url provider: URL template pinged at start"),
            key("failure-url", SCALAR, "url provider: URL template pinged on failure"),
            key("log-tail", SCALAR, "bytes of output sent with a failure ping"));

    public static final Table ON_FAILURE = table("on-failure", Set.of(),
            key("command", new Values(true), "argv run on failure (a list, or a string split like a shell would)"),
            key("webhook", SCALAR, "URL posted to on failure"),
            key("webhook-file", SCALAR, "file holding the webhook URL, read by jobgen notify as root"),
            key("email", SCALAR, "address mailed on failure"));

    public static final Table RESOURCES = table("resources", Set.of(),
            key("nice", new Whole(), "Nice="),
            key("cpu-quota", SCALAR, "CPUQuota=, e.g. 50%"),
            key("memory-max", SCALAR, "MemoryMax=, e.g. 512M"),
            key("io", SCALAR, "idle, best-effort or realtime"));

    public static final Table JOB = table("job", Set.of(),
            key("description", SCALAR, "Description= of the units"),
            key("command", new Values(true), "argv list, or a string split with POSIX shell quoting and no expansion; the program is an absolute path"),
            key("script", SCALAR, "inline script, run as /bin/sh -e -c SCRIPT"),
            key("schedule", new Values(true), "systemd calendar expression, or a list of them (OnCalendar=)"),
            key("cron", SCALAR, "5-field cron line or @daily etc., converted to OnCalendar= with cron's meaning"),
            key("every", SCALAR, "monotonic interval: OnBootSec= and OnUnitActiveSec="),
            key("timezone", SCALAR, "IANA zone of schedule and cron"),
            key("jitter", SCALAR, "RandomizedDelaySec="),
            key("accuracy", SCALAR, "AccuracySec= (default 1s)"),
            key("catch-up", new Bool(), "Persistent=: run once at boot if elapses were missed (default true)"),
            key("timeout", SCALAR, "per attempt; infinity for none (default 1h)"),
            key("retry", new Nested(RETRY), "attempts, delay, backoff, max-delay"),
            key("permanent-exit-codes", new Values(false), "exit codes never retried"),
            key("lock", SCALAR, "none, node, cluster, or a group name shared by several jobs"),
            key("on-busy", SCALAR, "when the lock is held: skip or wait SPAN"),
            key("cluster", new Nested(CLUSTER), "the store of lock: cluster"),
            key("idempotent", SCALAR, "none or period: at most one success per schedule period"),
            key("heartbeat", new Nested(HEARTBEAT), "pings to a monitoring service"),
            key("on-failure", new Nested(ON_FAILURE), "alerts run by jobgen notify"),
            key("alert-after", new Whole(), "alert only after N consecutive failures"),
            key("user", SCALAR, "User="),
            key("group", SCALAR, "Group="),
            key("working-directory", SCALAR, "WorkingDirectory= (absolute)"),
            key("environment", new Named(".*", SCALAR), "variables (Environment=)"),
            key("environment-file", new Values(true), "path or list of paths (EnvironmentFile=)"),
            key("resources", new Nested(RESOURCES), "nice, cpu-quota, memory-max, io"),
            key("sandbox", SCALAR, "off, standard or strict"),
            key("writable-paths", new Values(true), "paths a sandboxed job may write (ReadWritePaths=)"),
            key("enabled", new Bool(), "false installs the timer disabled"),
            key("metrics-dir", SCALAR, "Prometheus textfile collector directory"),
            key("ignore-warnings", new Values(true), "warning codes not to report for this job, e.g. [dst-transition]"));

    public static final Table CATALOGUE = table("the catalogue", Set.of("jobgen"),
            key("jobgen", SCALAR, "format version: 1"),
            key("unit-prefix", SCALAR, "units are named PREFIXJOB.service and .timer (default jobgen-)"),
            key("target", new Nested(TARGET), "oldest systemd the units must work on"),
            key("runner-path", SCALAR, "where jobgen is installed on the nodes (default /usr/bin/jobgen)"),
            key("defaults", new Nested(JOB), "job keys merged into every job"),
            key("ignore-warnings", new Values(true), "warning codes not to report for any job of this catalogue, nor for the catalogue itself"),
            key("jobs", new Named(Names.JOB_NAME_PATTERN, new Nested(JOB)), "job name to job"));

    private static Key key(String name, Shape shape, String description) {
        return new Key(name, shape, description);
    }

    private static Table table(String where, Set<String> required, Key... keys) {
        return new Table(where, List.of(keys), required);
    }
}
