package dev.jobgen.runspec;

import dev.jobgen.unitfile.SystemdEscaper;
import dev.jobgen.unitfile.SystemdWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code X-Jobgen*} keys the compiler writes into a job's {@code [Unit]} section for
 * {@code jobgen notify}: job name, state directory, the on-failure targets and alert-after.
 * systemd ignores {@code X-} keys, so they travel in the unit without side files. Written by
 * {@link #entries} (the planner) and read by {@link #parse} (notify), so that the two agree.
 */
public record UnitKeys(String job, Optional<Path> stateDir, List<String> onFailureCommand, Optional<String> webhook,
        Optional<String> email, int alertAfter, Optional<Path> webhookFile) {

    public static final String JOB = "X-JobgenJob";
    public static final String STATE_DIR = "X-JobgenStateDir";
    public static final String ON_FAILURE_COMMAND = "X-JobgenOnFailureCommand";
    public static final String ON_FAILURE_WEBHOOK = "X-JobgenOnFailureWebhook";
    public static final String ON_FAILURE_WEBHOOK_FILE = "X-JobgenOnFailureWebhookFile";
    public static final String ON_FAILURE_EMAIL = "X-JobgenOnFailureEmail";
    public static final String ALERT_AFTER = "X-JobgenAlertAfter";

    public UnitKeys {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stateDir, "stateDir");
        onFailureCommand = List.copyOf(onFailureCommand);
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(webhookFile, "webhookFile");
    }

    /** These keys with the webhook URL read from {@link #webhookFile()}. */
    public UnitKeys withWebhook(String url) {
        return new UnitKeys(job, stateDir, onFailureCommand, Optional.of(url), email, alertAfter, Optional.empty());
    }

    /** The job's state directory, as {@code jobgen run} defaults it. */
    public Path stateDirOrDefault() {
        return stateDir.orElse(Path.of("/var/lib/jobgen", job));
    }

    /** One {@code KEY=value} line of the [Unit] section, the value in unit-file syntax. */
    public record Entry(String key, String value) {}

    /** The keys as the unit carries them, in this order; values escaped as {@link #parse} reads them back. */
    public List<Entry> entries() {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(JOB, SystemdEscaper.text(job)));
        stateDir.ifPresent(d -> e.add(new Entry(STATE_DIR, SystemdEscaper.path(d.toString()))));
        if (!onFailureCommand.isEmpty()) {
            e.add(new Entry(ON_FAILURE_COMMAND, SystemdEscaper.commandLine(onFailureCommand)));
        }
        webhook.ifPresent(w -> e.add(new Entry(ON_FAILURE_WEBHOOK, SystemdEscaper.text(w))));
        webhookFile.ifPresent(w -> e.add(new Entry(ON_FAILURE_WEBHOOK_FILE, SystemdEscaper.path(w.toString()))));
        email.ifPresent(m -> e.add(new Entry(ON_FAILURE_EMAIL, SystemdEscaper.text(m))));
        e.add(new Entry(ALERT_AFTER, Integer.toString(alertAfter)));
        return e;
    }

    /** Reads the keys from a unit file's text; fails with a message when {@code X-JobgenJob=} is missing or a value is bad. */
    public static UnitKeys parse(String unitText) {
        String job = null;
        Optional<Path> stateDir = Optional.empty();
        List<String> command = List.of();
        Optional<String> webhook = Optional.empty();
        Optional<String> email = Optional.empty();
        Optional<Path> webhookFile = Optional.empty();
        int alertAfter = 1;
        for (String[] kv : unitSection(unitText)) {
            String value = SystemdWords.value(kv[1]);
            switch (kv[0]) {
                case JOB -> job = value;
                case STATE_DIR -> stateDir = Optional.of(Path.of(value));
                case ON_FAILURE_COMMAND -> command = SystemdWords.commandLine(kv[1]);
                case ON_FAILURE_WEBHOOK -> webhook = Optional.of(value);
                case ON_FAILURE_WEBHOOK_FILE -> webhookFile = Optional.of(Path.of(value));
                case ON_FAILURE_EMAIL -> email = Optional.of(value);
                case ALERT_AFTER -> alertAfter = alertAfter(value);
                default -> { }
            }
        }
        if (job == null || job.isEmpty()) {
            throw new IllegalArgumentException("the unit has no " + JOB + "= key: not a jobgen job unit");
        }
        return new UnitKeys(job, stateDir, command, webhook, email, alertAfter, webhookFile);
    }

    private static int alertAfter(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(ALERT_AFTER + "=" + value + " is not a positive whole number");
    }

    /** Key/value pairs of the [Unit] section, with comments dropped and continuation lines joined (man systemd.syntax(7)). */
    static List<String[]> unitSection(String text) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            current = current == null ? new StringBuilder() : current.append(' ');
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
                continue;
            }
            logical.add(current.append(line).toString().strip());
            current = null;
        }
        if (current != null) {
            logical.add(current.toString().strip());
        }
        List<String[]> pairs = new ArrayList<>();
        boolean inUnit = false;
        for (String line : logical) {
            int eq = line.indexOf('=');
            if (line.startsWith("[")) {
                inUnit = line.equals("[Unit]");
            } else if (inUnit && eq > 0) {
                pairs.add(new String[] {line.substring(0, eq).strip(), line.substring(eq + 1).strip()});
            }
        }
        return pairs;
    }
}
