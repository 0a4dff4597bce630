package dev.jobgen.diag;

import java.text.MessageFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every diagnostic jobgen can report: a stable kebab-case id (public interface: scripts match on
 * it, src/docs/diagnostics.md documents it) and the wording, kept here in one place. Patterns are
 * {@link MessageFormat}s: a literal apostrophe is written twice.
 */
public enum DiagnosticCode {
    // loading
    YAML_SYNTAX("yaml-syntax", "YAML syntax error: {0}", "fix the YAML at the marked place"),
    YAML_LIMIT("yaml-limit", "{0}", "catalogues are plain data: no alias chains, at most 10 MiB, at most 100 levels deep"),
    DUPLICATE_KEY("duplicate-key", "duplicate key ''{0}'' (first at line {1})", "remove one of the two"),
    // structure
    WRONG_TYPE("wrong-type", "''{0}'' must be {1}, found {2}", null),
    MISSING_KEY("missing-key", "missing required key ''{0}''{1}", null),
    UNKNOWN_KEY("unknown-key", "unknown key ''{0}'' in {1}", null),
    UNSUPPORTED_FORMAT("unsupported-format", "unsupported catalogue format version {0}", "this jobgen reads 'jobgen: 1'"),
    INVALID_VALUE("invalid-value", "invalid value for ''{0}'': {1}", null),
    // jobs and names
    INVALID_JOB_NAME("invalid-job-name", "invalid job name ''{0}'': {1}",
            "job names match [a-z0-9][a-z0-9_.-]* and are at most 200 characters"),
    DUPLICATE_JOB("duplicate-job", "job ''{0}'' is already defined at {1}", "job names must be unique across all catalogues"),
    INVALID_UNIT_PREFIX("invalid-unit-prefix", "invalid unit-prefix ''{0}'': {1}", null),
    INVALID_USER("invalid-user", "invalid {0} name ''{1}''", "use a POSIX user/group name such as 'app' or a numeric id"),
    RELATIVE_PATH("relative-path", "''{0}'' must be an absolute path, found ''{1}''", "write the path from / (systemd does not resolve relative paths here)"),
    // values
    INVALID_TIMESPAN("invalid-timespan", "invalid time span ''{0}'': {1}", "write spans as systemd does, e.g. 30s, 15min, 2h, 1d 12h"),
    INVALID_SIZE("invalid-size", "invalid size ''{0}'': {1}", "write sizes as bytes or with K, M, G (or KiB, MiB, GiB) suffixes"),
    INVALID_COMMAND("invalid-command", "invalid command: {0}", null),
    UNREPRESENTABLE_VALUE("unrepresentable-value", "''{0}'' cannot be written into a unit file: {1}", null),
    // schedules
    MISSING_SCHEDULE("missing-schedule", "job ''{0}'' has no schedule", "give one of 'schedule', 'cron' or 'every'"),
    CONFLICTING_SCHEDULE("conflicting-schedule", "job ''{0}'' has more than one of {1}", "keep exactly one of 'schedule', 'cron' or 'every'"),
    INVALID_CALENDAR("invalid-calendar", "invalid calendar expression ''{0}'': {1}", "see man systemd.time(7), or try it with 'jobgen calendar'"),
    NEVER_ELAPSES("never-elapses", "calendar expression ''{0}'' never elapses{1}", "check the date: it cannot occur, or lies in the past"),
    INVALID_CRON("invalid-cron", "invalid cron expression ''{0}'': {1}", "cron takes 5 fields: minute hour day-of-month month day-of-week"),
    INVALID_TIMEZONE("invalid-timezone", "unknown time zone ''{0}''", "use an IANA name such as Europe/Berlin or UTC"),
    // systemd versions
    INVALID_TARGET("invalid-target", "invalid target: {0}", null),
    LOCK_GROUP_USERS("lock-group-users", "lock group ''{0}'' is named by jobs of different users ({1}): a lock belongs to one user, so they would not exclude each other",
            "run the group's jobs as one user, or give each user's jobs a group of their own"),
    NEEDS_NEWER_SYSTEMD("needs-newer-systemd", "{0} needs systemd {1} or newer, but the target is systemd {2}", "raise target.systemd, or drop the setting"),
    // lints (warnings)
    TIMEOUT_EXCEEDS_GAP("timeout-exceeds-gap", "job ''{0}'' may run for {1} but elapses can be {2} apart: runs would overlap or be skipped", "shorten timeout or retries, or schedule less often"),
    DST_TRANSITION("dst-transition", "job ''{0}'' elapses inside a daylight-saving change of {1}: {2}", "schedule outside 01:00-03:00 local time, or use UTC"),
    LEGACY_TIMEZONE("legacy-timezone", "job ''{0}'' uses the time zone ''{1}'', a legacy name that a default Debian 13 (systemd 257) or newer install lacks: systemd there refuses the timer unless the package tzdata-legacy is installed; write ''{2}'' instead",
            null),
    THUNDERING_HERD("thundering-herd", "{0} jobs elapse at {1} with no jitter", "add 'jitter:' so they do not all start at once"),
    JITTER_EXCEEDS_GAP("jitter-exceeds-gap", "job ''{0}'' has jitter {1} but elapses can be {2} apart", "keep jitter well below the shortest gap between runs"),
    SECRET_IN_URL("secret-in-url", "''{0}'' looks like it holds a secret ({1}): unit files are world-readable and the runner''s command line shows in ps", null),
    RETRY_NOT_IDEMPOTENT("retry-not-idempotent", "job ''{0}'' retries but is not idempotent: a retried run may repeat work", "set 'idempotent: period', or make sure the command is safe to repeat"),
    NO_JOBS("no-jobs", "catalogue defines no jobs", null);

    /** The codes reported as warnings (the rest are errors); only these may be silenced. */
    private static final Set<DiagnosticCode> WARNINGS = EnumSet.of(TIMEOUT_EXCEEDS_GAP, DST_TRANSITION, THUNDERING_HERD,
            JITTER_EXCEEDS_GAP, SECRET_IN_URL, RETRY_NOT_IDEMPOTENT, NO_JOBS, LEGACY_TIMEZONE);

    private final String id;
    private final String pattern;
    private final String defaultHint;

    DiagnosticCode(String id, String pattern, String defaultHint) {
        this.id = id;
        this.pattern = pattern;
        this.defaultHint = defaultHint;
    }

    /** The stable kebab-case id, e.g. {@code unknown-key}. */
    public String id() {
        return id;
    }

    public String format(Object... args) {
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** True for a code reported as a warning, which a catalogue's {@code ignore-warnings} may silence. */
    public boolean isWarning() {
        return WARNINGS.contains(this);
    }

    /** The ids of all warning codes, in declaration order. */
    public static List<String> warningIds() {
        return WARNINGS.stream().map(DiagnosticCode::id).toList();
    }

    public Optional<String> defaultHint() {
        return Optional.ofNullable(defaultHint);
    }

    public static Optional<DiagnosticCode> byId(String id) {
        for (DiagnosticCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
