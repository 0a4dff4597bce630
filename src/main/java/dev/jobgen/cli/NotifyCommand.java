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
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** A URL file is one line; the bound keeps a huge or endless file from stalling the alert. */
    static final int MAX_URL_FILE_BYTES = 8 * 1024;

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
                String url = readWebhookUrl(file);
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new IOException("not an http(s) URL");
                }
                keys = keys.withWebhook(url);
            } catch (RefusedUrlFile e) {
                undelivered.add("webhook: refused to read its URL from " + file + ": " + e.getMessage());
            } catch (IOException e) {
                undelivered.add("webhook: cannot read its URL from " + file + " (" + IoProblem.describe(e) + ")");
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

    /**
     * Reads the URL as root, so whoever could replace or rewrite the file could choose where root posts
     * the journal: links, FIFOs and devices are refused (a FIFO would also hang the alert), as are files
     * another user owns or group or others can write, and files in a directory another user owns or
     * group or others can write (they could swap in their own file, or a FIFO, between this check and
     * the read). One attribute read each, taken before opening, so a failing check cannot lose a URL
     * already read.
     */
    private String readWebhookUrl(Path file) throws IOException, RefusedUrlFile {
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            throw new RefusedUrlFile("it is a symbolic link: point the catalogue's on-failure: webhook-file at the file itself");
        }
        if (!attrs.isRegularFile()) {
            throw new RefusedUrlFile("it is not a regular file: put the URL in a plain file owned by root, mode 0600");
        }
        refuseOthers(attrs, "it", file);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            refuseOthers(Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS), "its directory " + dir, dir);
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        ByteBuffer buf = ByteBuffer.allocate(MAX_URL_FILE_BYTES + 1);
        try (SeekableByteChannel in = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            while (buf.hasRemaining() && in.read(buf) >= 0) {
                // a short read is not the end of the file
            }
        }
        if (buf.position() > MAX_URL_FILE_BYTES) {
            throw new RefusedUrlFile("it is larger than " + MAX_URL_FILE_BYTES / 1024 + " KiB: it should hold the URL only");
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            // still sent: losing the alert would be worse than the leak it warns of
            ctx.err().println("jobgen notify: warning: " + file + " holds a webhook URL and every user can read it: chmod o-r it");
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    }

    /** Refuses {@code path} ({@code what} in the message) when a user other than root or this one owns it, or group or others can write it. */
    private static void refuseOthers(PosixFileAttributes attrs, String what, Path path) throws RefusedUrlFile {
        String owner = attrs.owner().getName();
        if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) {
            throw new RefusedUrlFile(what + " belongs to " + owner + ", who could choose where the alert goes: chown root " + path);
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new RefusedUrlFile("group or other users can write " + what + " and so choose where the alert goes: chmod go-w " + path);
        }
    }

    /** A URL file root must not trust; the message says why and what to do. */
    private static final class RefusedUrlFile extends Exception {
        RefusedUrlFile(String message) {
            super(message, null, false, false);
        }
    }
}
