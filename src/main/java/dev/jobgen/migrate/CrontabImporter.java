package dev.jobgen.migrate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns crontab lines into catalogue jobs, carrying what cron gave each line and saying, line by
 * line, what it cannot carry. Pure: files come in as text, jobs and messages go out.
 */
public final class CrontabImporter {
    /** Variables cron itself reads; they become catalogue settings, not the job's environment. */
    private static final Set<String> CRON_VARIABLES =
            Set.of("MAILTO", "MAILFROM", "CRON_TZ", "RANDOM_DELAY", "CONTENT_TYPE", "CONTENT_TRANSFER_ENCODING");

    private final JobNames names = new JobNames();
    private final List<ImportedJob> jobs = new ArrayList<>();
    private final Map<ImportedJob, String> lockFiles = new HashMap<>();
    private final List<ImportMessage> messages = new ArrayList<>();
    /** Warnings about a variable's value are given once per file, at the first line it affects. */
    private final Set<String> warnedOnce = new HashSet<>();

    private CrontabImporter() {}

    /**
     * One input: the name used in messages, its text, whether its lines have a user field, and,
     * for a user crontab (no user field), whose it is: cron ran its lines as that user.
     */
    public record Source(String name, String text, boolean userField, Optional<String> owner) {
        public Source(String name, String text, boolean userField) {
            this(name, text, userField, Optional.empty());
        }
    }

    /** The jobs in input order, and every message sorted by file (input order) and line. */
    public record Result(List<ImportedJob> jobs, List<ImportMessage> messages) {
        public Result {
            jobs = List.copyOf(jobs);
            messages = List.copyOf(messages);
        }

        public boolean hasErrors() {
            return messages.stream().anyMatch(ImportMessage::error);
        }

        public boolean hasWarnings() {
            return messages.stream().anyMatch(m -> !m.error());
        }
    }

    public static Result importAll(List<Source> sources) {
        CrontabImporter importer = new CrontabImporter();
        Map<String, Integer> order = new HashMap<>();
        for (Source source : sources) {
            order.putIfAbsent(source.name(), order.size());
            CrontabParser.Parsed parsed = CrontabParser.parse(source.name(), source.text(), source.userField());
            importer.messages.addAll(parsed.messages());
            if (!source.userField() && source.owner().isEmpty() && !parsed.entries().isEmpty()) {
                importer.warn(parsed.entries().get(0), "the owner of this user crontab is unknown (not a spool file"
                        + " such as /var/spool/cron/crontabs/NAME, and no --owner NAME): its jobs would run as root;"
                        + " give --owner NAME, or set 'user:' in the catalogue");
            }
            Optional<String> owner = source.userField() ? Optional.empty() : source.owner();
            parsed.entries().forEach(e -> importer.entry(e, owner));
        }
        List<ImportedJob> locked = importer.assignLocks();
        List<ImportMessage> sorted = new ArrayList<>(importer.messages);
        sorted.sort(Comparator.comparingInt((ImportMessage m) -> order.get(m.file())).thenComparingInt(ImportMessage::line));
        return new Result(locked, sorted);
    }

    private void entry(CrontabEntry e, Optional<String> owner) {
        CronCommand cmd = CronCommand.of(e.command());
        Optional<FlockPrefix> flock = cmd.hasPercent() ? Optional.empty() : FlockPrefix.parse(cmd.text());
        if (flock.isPresent()) {
            cmd = CronCommand.unescaped(flock.get().command());
        }
        if (cmd.hasPercent()) {
            warn(e, "'%' in the command: cron ends the command there and feeds the rest to its stdin (each further '%'"
                    + " a newline); this cannot be carried, so the line is kept verbatim as a disabled script:"
                    + " rewrite it (e.g. with a here-document, or '\\%' for a literal '%') and enable the job");
        } else if (cmd.argv().isEmpty()) {
            scriptWarnings(e, cmd);
        }
        cmd.relativeProgram().ifPresent(program -> warn(e, "'" + program + "' is a relative path: cron ran commands"
                + " in the user's home directory; add 'working-directory:'"));
        Optional<String> user = e.user().or(() -> owner);
        if (user.isEmpty() && e.variable("HOME").isEmpty()) {
            cmd.homeReference().ifPresent(home -> warn(e, "'" + home + "' in the command: cron set HOME to the crontab"
                    + " owner's home directory; a system service has HOME only when it runs with User= (then that"
                    + " user's home, as with cron), and this job has no 'user:', so HOME is unset: give --owner"
                    + " (or 'user:'), or set HOME under 'environment:'"));
        }
        if (e.schedule().equals("@reboot")) {
            warn(e, "@reboot: the job runs once per boot, a minute after the timer starts (OnBootSec=); cron ran it"
                    + " when the cron daemon started (Vixie/Debian cron again on every restart of cron)");
        }
        boolean simple = cmd.argv().isPresent();
        Optional<String> text = Optional.of(cmd.text());
        ImportedJob job = new ImportedJob(names.unique(cmd.text(), lineName(e)), e.file(), e.line(), description(e),
                e.schedule(), timezone(e), jitter(e), simple ? text : Optional.empty(), simple ? Optional.empty() : text, user,
                environment(e), Optional.empty(), email(e), !cmd.hasPercent());
        jobs.add(job);
        flock.ifPresent(f -> lockFiles.put(job, f.lockFile()));
    }

    /** For a command that names nothing: where the line is, e.g. {@code crontab-line-12}. */
    private static String lineName(CrontabEntry e) {
        String file = JobNames.sanitize(e.file().substring(e.file().lastIndexOf('/') + 1));
        return (file.isEmpty() ? "" : file.substring(0, Math.min(file.length(), 24)).replaceAll("-+$", "") + "-")
                + "line-" + e.line();
    }

    private void scriptWarnings(CrontabEntry e, CronCommand cmd) {
        e.variable("SHELL").filter(shell -> !shell.equals("/bin/sh")).ifPresent(shell -> warnOnce(e, "SHELL=" + shell,
                "SHELL=" + shell + ": cron ran shell commands with " + shell + ", jobgen runs 'script:' with /bin/sh -e;"
                        + " check the scripts below for " + shell + "-only syntax"));
        if (cmd.hasSequence()) {
            warn(e, "the command becomes a script run with /bin/sh -e: a failing command before ';' now stops it,"
                    + " where cron's sh -c went on to the next one");
        }
    }

    private Optional<String> description(CrontabEntry e) {
        return e.comments().isEmpty() ? Optional.empty() : Optional.of(String.join(" ", e.comments()));
    }

    private Optional<String> timezone(CrontabEntry e) {
        Optional<String> cronTz = e.variable("CRON_TZ");
        Optional<String> zone = cronTz.or(() -> e.variable("TZ")).filter(z -> !z.isEmpty());
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        String z = zone.get().startsWith(":") ? zone.get().substring(1) : zone.get();
        String variable = cronTz.isPresent() ? "CRON_TZ" : "TZ";
        if (!isZone(z)) {
            warnOnce(e, variable + "=" + zone.get(), variable + "=" + zone.get() + " is not an IANA time zone;"
                    + " the jobs below run in the node's zone");
            return Optional.empty();
        }
        if (cronTz.isEmpty()) {
            warnOnce(e, "TZ=" + z, "TZ=" + z + " is taken as the schedule's zone, as systemd-cron does;"
                    + " cronie schedules in the system zone and only passes TZ to the command (set CRON_TZ to be explicit)");
        }
        return Optional.of(z);
    }

    private static boolean isZone(String z) {
        try {
            ZoneId.of(z);
            return z.equals("UTC") || z.contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }

    private Optional<String> jitter(CrontabEntry e) {
        return e.variable("RANDOM_DELAY").flatMap(v -> {
            if (v.matches("[0-9]{1,6}")) {
                int minutes = Integer.parseInt(v);
                return minutes == 0 ? Optional.empty() : Optional.of(minutes + "min");
            }
            warnOnce(e, "RANDOM_DELAY=" + v, "RANDOM_DELAY=" + v + " is not a number of minutes; no jitter carried");
            return Optional.empty();
        });
    }

    private SortedMap<String, String> environment(CrontabEntry e) {
        SortedMap<String, String> env = new TreeMap<>(e.environment());
        env.keySet().removeAll(CRON_VARIABLES);
        return env;
    }

    private Optional<String> email(CrontabEntry e) {
        Optional<String> mailto = e.variable("MAILTO");
        if (mailto.isEmpty()) {
            return Optional.empty();
        }
        String value = mailto.get().strip();
        String key = "MAILTO=" + value;
        if (value.isEmpty()) {
            warnOnce(e, key, "MAILTO is empty: cron threw the output away; under systemd it goes to the journal");
            return Optional.empty();
        }
        String[] addresses = value.split("[,\\s]+");
        String first = addresses[0];
        if (!first.matches("[^@\\s]+@[^@\\s]+")) {
            warnOnce(e, key, "MAILTO=" + value + " is a local user, not an email address: not carried"
                    + " (add 'on-failure: {email: ...}' with a full address)");
            return Optional.empty();
        }
        warnOnce(e, key, "MAILTO=" + value + ": cron mailed the output of every run that printed something;"
                + " the jobs below email " + first + " only when they fail (on-failure)"
                + (addresses.length > 1 ? ", and only the first address is carried" : ""));
        return Optional.of(first);
    }

    /** {@code lock: node} for a lock file one job uses, a group named after the file when several share it. */
    private List<ImportedJob> assignLocks() {
        Map<String, Integer> users = new HashMap<>();
        lockFiles.values().forEach(f -> users.merge(f, 1, Integer::sum));
        Map<String, String> groups = new LinkedHashMap<>();
        JobNames groupNames = new JobNames();
        List<ImportedJob> out = new ArrayList<>();
        for (ImportedJob job : jobs) {
            String file = lockFiles.get(job);
            if (file == null) {
                out.add(job);
            } else if (users.get(file) == 1) {
                out.add(job.withLock("node"));
            } else {
                String group = groups.computeIfAbsent(file, f -> groupNames.reserve(new FlockPrefix(f, "").groupName()));
                out.add(job.withLock(group));
            }
        }
        return out;
    }

    private void warn(CrontabEntry e, String text) {
        messages.add(ImportMessage.warning(e.file(), e.line(), text));
    }

    private void warnOnce(CrontabEntry e, String key, String text) {
        if (warnedOnce.add(e.file() + "\0" + key)) {
            warn(e, text);
        }
    }
}
