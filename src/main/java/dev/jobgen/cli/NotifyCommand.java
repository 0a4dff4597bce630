package dev.jobgen.cli;

import dev.jobgen.diag.IoProblem;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.HistorySummary;
import dev.jobgen.history.RunRecord;
import dev.jobgen.notify.AlertSender;
import dev.jobgen.notify.FailureAlert;
import dev.jobgen.notify.Journal;
import dev.jobgen.runner.HostName;
import dev.jobgen.runspec.UnitKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobgen notify UNIT}: run by {@code jobgen-notify@.service} when a job's unit fails. Reads
 * the unit's {@code X-Jobgen*} keys, counts consecutive failures in the job's history and, from
 * {@code alert-after} on, sends the on-failure command, webhook and email.
 */
@Command(name = "notify", mixinStandardHelpOptions = true, description = {"Send a failed job unit's on-failure alerts.", "Run by jobgen-notify@.service when a job's unit fails."})
public final class NotifyCommand implements Callable<Integer> {
    static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system");

    private final CliContext ctx;
    private final List<Path> sendmail;

    @Parameters(index = "0", paramLabel = "UNIT", description = "The failed unit, e.g. jobgen-backup.service (%%i of the template).")
    String unit;

    @Option(names = "--unit-dir", paramLabel = "DIR", description = "Where to look for the unit file (repeatable; default: "
            + "/etc/systemd/system, /run/systemd/system, /usr/lib/systemd/system).")
    List<String> unitDirs = new ArrayList<>();

    public NotifyCommand(CliContext ctx) {
        this(ctx, AlertSender.SENDMAIL);
    }

    NotifyCommand(CliContext ctx, List<Path> sendmail) {
        this.ctx = ctx;
        this.sendmail = List.copyOf(sendmail);
    }

    @Override
    public Integer call() throws IOException {
        if (unit.isEmpty() || unit.contains("/")) {
            throw new UserError("'" + unit + "' is not a unit name", 2);
        }
        UnitKeys keys;
        try {
            keys = UnitKeys.parse(Files.readString(findUnit(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new UserError(unit + ": " + e.getMessage());
        }
        Path stateDir = ctx.fs().getPath(keys.stateDirOrDefault().toString());
        List<RunRecord> history = List.of();
        if (Files.isDirectory(stateDir)) {
            HistoryReader.History read = HistoryReader.readCounting(stateDir);
            HistoryCommand.warnSkipped(ctx, "jobgen notify", read, stateDir);
            history = read.runs();
        }
        // systemd says this run failed even when the runner could not record it (killed, state dir gone)
        int failures = Math.max(1, HistorySummary.of(history).consecutiveFailures());
        if (failures < keys.alertAfter()) {
            ctx.out().println("jobgen notify: " + keys.job() + " has " + failures + " consecutive failure(s), alerting from "
                    + keys.alertAfter() + ": nothing sent");
            return 0;
        }
        List<String> undelivered = new ArrayList<>();
        if (keys.webhookFile().isPresent()) {
            Path file = ctx.fs().getPath(keys.webhookFile().get().toString());
            try {
                String url = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (readableByOthers(file)) {
                    // still sent: losing the alert would be worse than the leak it warns of
                    ctx.err().println("jobgen notify: warning: " + file + " holds a webhook URL and every user can read it: chmod o-r it");
                }
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new IOException("not an http(s) URL");
                }
                keys = keys.withWebhook(url);
            } catch (IOException | java.io.UncheckedIOException e) {
                undelivered.add("webhook: cannot read its URL from " + file + " (" + (e instanceof IOException io ? IoProblem.describe(io) : e.getMessage()) + ")");
            }
        }
        if (keys.onFailureCommand().isEmpty() && keys.webhook().isEmpty() && keys.email().isEmpty() && undelivered.isEmpty()) {
            ctx.out().println("jobgen notify: " + keys.job() + " has no on-failure targets: nothing sent");
            return 0;
        }
        Optional<RunRecord> last = HistorySummary.lastAttempted(history);
        FailureAlert alert = new FailureAlert(unit, keys.job(), HostName.of(ctx.env()),
                last.map(RunRecord::exitCode).orElse(1), last.map(r -> r.outcome().id()).orElse("failed"),
                last.map(RunRecord::runId).orElse(""), failures, Journal.recentLines(unit, 50));
        undelivered.addAll(new AlertSender(sendmail).send(keys, alert));
        for (String problem : undelivered) {
            ctx.err().println("jobgen notify: " + problem);
        }
        ctx.out().println("jobgen notify: " + alert.summary() + (undelivered.isEmpty() ? ": alerts sent" : ": some alerts failed"));
        return undelivered.isEmpty() ? 0 : 1;
    }

    private Path findUnit() {
        List<String> dirs = unitDirs.isEmpty() ? UNIT_DIRS : unitDirs;
        for (String dir : dirs) {
            Path p = ctx.fs().getPath(dir, unit);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UserError("unit " + unit + " not found in " + String.join(", ", dirs));
    }

    private static boolean readableByOthers(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view != null && view.readAttributes().permissions().contains(PosixFilePermission.OTHERS_READ);
    }
}
