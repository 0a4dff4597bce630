package dev.jobgen.runspec;

/**
 * The flags of {@code jobgen run}, the one table of the compiler-runner contract: {@link RunArgs}
 * writes them in this order (the planner's {@code ExecStart=} lines) and reads them back, and
 * {@code jobgen run --help} (and so jobgen-run(1)) lists them from here. A new flag is a constant
 * here (its place is its place on {@code ExecStart=}), a field of {@link RunSpec} with its default
 * in the builder, its case in {@link RunArgs}' writer (a switch expression: the build fails
 * without it) and reader, and a value in RunArgsTest.everyFlag, whose round trip fails for a flag
 * that is not written or not read back. The names are public interface.
 */
public enum RunFlag {
    JOB("--job", "NAME", "job name (required)"),
    STATE_DIR("--state-dir", "DIR", "stamps and runs.jsonl (default: $STATE_DIRECTORY, else /var/lib/jobgen/NAME)"),
    LOCK("--lock", "node|group NAME|cluster", "one run at a time per job, per group, or per cluster (default: none)"),
    LOCK_DIR("--lock-dir", "DIR", "lock files (default /run/lock/jobgen)"),
    ON_BUSY("--on-busy", "skip|wait SPAN", "when the lock is held (default skip: exit 0, recorded skipped-locked)"),
    MAX_BUSY_SKIPS("--max-busy-skips", "N", "the Nth busy run in a row exits 75 so OnFailure= fires (default 3, 0: never)"),
    CLUSTER_URL_FILE("--cluster-url-file", "PATH", "the cluster store's URL, for --lock cluster"),
    CLUSTER_CREDENTIAL("--cluster-credential", "NAME", "the same, from $CREDENTIALS_DIRECTORY/NAME (LoadCredential=)"),
    ON_UNAVAILABLE("--on-unavailable", "fail|run|skip", "when --lock cluster cannot reach its store (default fail: exit 75)"),
    IDEMPOTENT("--idempotent", "period", "one success per schedule period (needs --schedule)"),
    SCHEDULE("--schedule", "EXPR", "the timer's OnCalendar= expression; repeatable"),
    FORCE("--force", "", "ignore period stamps"),
    TIMEOUT("--timeout", "SPAN", "per attempt; TERM to the process group, KILL after --kill-grace"),
    KILL_GRACE("--kill-grace", "SPAN", "between TERM and KILL (default 10s)"),
    ATTEMPTS("--attempts", "N", "attempts in all (default 1)"),
    RETRY_DELAY("--retry-delay", "SPAN", "pause before the first retry"),
    BACKOFF("--backoff", "FACTOR", "each further pause is this many times the last (default 1)"),
    MAX_DELAY("--max-delay", "SPAN", "longest pause"),
    PERMANENT_EXIT_CODES("--permanent-exit-codes", "2,78", "exit statuses never retried"),
    HEARTBEAT("--heartbeat", "healthchecks|cronitor|url", "ping a monitor at start, success and failure"),
    HEARTBEAT_URL("--heartbeat-url", "URL", "its URL (one of the three --heartbeat-url* flags)"),
    HEARTBEAT_URL_FILE("--heartbeat-url-file", "PATH", "its URL, read from a file"),
    HEARTBEAT_CREDENTIAL("--heartbeat-credential", "NAME", "its URL, from $CREDENTIALS_DIRECTORY/NAME (LoadCredential=)"),
    HEARTBEAT_START_URL("--heartbeat-start-url", "TEMPLATE", "(url provider) {job} {run_id} {exit_code} {period} filled in"),
    HEARTBEAT_FAILURE_URL("--heartbeat-failure-url", "TEMPLATE", "(url provider) the same, for failures"),
    LOG_TAIL("--log-tail", "BYTES", "output kept for the failure ping (default 10240)"),
    METRICS_DIR("--metrics-dir", "DIR", "textfile metrics for Prometheus");

    private final String flag;
    private final String operands;
    private final String help;

    RunFlag(String flag, String operands, String help) {
        this.flag = flag;
        this.operands = operands;
        this.help = help;
    }

    /** The flag as written, {@code --job}. */
    public String flag() {
        return flag;
    }

    /** Whether the flag takes a value ({@code --force} does not). */
    public boolean takesValue() {
        return !operands.isEmpty();
    }

    /** The flag by its name, or null; a loop, not a map: it runs on every start of the runner. */
    static RunFlag named(String flag) {
        for (RunFlag f : values()) {
            if (f.flag.equals(flag)) {
                return f;
            }
        }
        return null;
    }

    /** {@code jobgen run --help}: the synopsis, one line per flag of this table, the exit status. */
    public static String usage() {
        StringBuilder out = new StringBuilder("Usage: jobgen run --job NAME [flags] -- COMMAND [ARGS...]\n")
                .append("The wrapper runner that jobgen's service units call: lock, period stamp, heartbeat, retries, history.\n\n");
        for (RunFlag f : values()) {
            String synopsis = f.takesValue() ? f.flag + " " + f.operands : f.flag;
            out.append("  ").append(synopsis).append(" ".repeat(Math.max(2, 32 - synopsis.length()))).append(f.help).append('\n');
        }
        // not a flag of the spec but of the invocation: it comes before all of them (see runner/LeanRun)
        out.append("  --phase start|end").append(" ".repeat(32 - "--phase start|end".length()))
                .append("first, in a lean unit: start (ExecCondition=) checks lock and stamp,\n")
                .append(" ".repeat(34)).append("exit 0 runs, 3 skips, 255 fails; end (ExecStopPost=) records the run\n");
        return out.append("\nExit status: 0 on success or skip; else the command's (128+signal when killed); 2 for a usage error;\n")
                .append("75 when --lock cluster cannot reach its store (--on-unavailable fail).\n").toString();
    }
}
