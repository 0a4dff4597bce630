package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jobgen.history.HistoryLog;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** notify end to end: a unit file, a history with failures, a real command, a loopback webhook, a fake sendmail. */
class NotifyCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<String> posted = new CopyOnWriteArrayList<>();
    HttpServer webhook;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        webhook.createContext("/", ex -> {
            posted.add(ex.getRequestHeaders().getFirst("Content-Type") + "\n" + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
        Path state = Files.createDirectories(dir.resolve("state"));
        HistoryLog log = new HistoryLog(state);
        Instant t = Instant.parse("2026-05-01T03:00:00Z");
        log.append(new RunRecord("r1", "backup", Optional.empty(), t, t, 1, Outcome.SUCCESS, 0, "n"));
        log.append(new RunRecord("r2", "backup", Optional.empty(), t, t, 1, Outcome.FAILED, 4, "n"));
        log.append(new RunRecord("r3", "backup", Optional.empty(), t, t, 0, Outcome.SKIPPED_LOCKED, 0, "n"));
        log.append(new RunRecord("r4", "backup", Optional.empty(), t, t, 3, Outcome.FAILED, 5, "n"));
        Path script = dir.resolve("page.sh");
        Files.writeString(script, "#!/bin/sh\n{ echo \"$JOBGEN_JOB $JOBGEN_EXIT_CODE $JOBGEN_CONSECUTIVE_FAILURES $JOBGEN_RUN_ID $1\"; cat; } > "
                + dir.resolve("paged") + "\n");
        script.toFile().setExecutable(true);
        Path sendmail = dir.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\necho \"$@\" > " + dir.resolve("mail.args") + "\ncat > " + dir.resolve("mail") + "\n");
        sendmail.toFile().setExecutable(true);
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    void unit(int alertAfter) throws Exception {
        Files.createDirectories(dir.resolve("units"));
        Files.writeString(dir.resolve("units/jobgen-backup.service"), String.join("\n",
                "[Unit]",
                "X-JobgenJob=backup",
                "X-JobgenStateDir=" + dir.resolve("state"),
                "X-JobgenOnFailureCommand=" + dir.resolve("page.sh") + " \"on call\"",
                "X-JobgenOnFailureWebhook=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                "X-JobgenOnFailureEmail=ops@example.com",
                "X-JobgenAlertAfter=" + alertAfter,
                "[Service]",
                "ExecStart=/bin/false", ""));
    }

    int run(String... args) {
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), FileSystems.getDefault(), Map.of());
        CommandLine cl = new CommandLine(new NotifyCommand(ctx, List.of(dir.resolve("sendmail"))));
        cl.setExecutionExceptionHandler(new Jobgen.ErrorHandler(ctx));
        return cl.execute(args);
    }

    @Test
    void sendsCommandWebhookAndEmail() throws Exception {
        unit(2);
        assertEquals(0, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()), err.toString());
        String paged = Files.readString(dir.resolve("paged"));
        assertTrue(paged.startsWith("backup 5 2 r4 on call\n"), paged);
        assertEquals(1, posted.size());
        assertTrue(posted.get(0).startsWith("application/json\n"), posted.get(0));
        JsonNode hook = new ObjectMapper().readTree(posted.get(0).substring(posted.get(0).indexOf('\n') + 1));
        assertEquals("backup", hook.get("job").asText());
        assertEquals(5, hook.get("exit_code").asInt());
        assertEquals(2, hook.get("consecutive_failures").asInt());
        assertTrue(hook.get("text").asText().startsWith("jobgen: job backup failed on "), hook.toString());
        assertEquals("-t\n", Files.readString(dir.resolve("mail.args")));
        String mail = Files.readString(dir.resolve("mail"));
        assertTrue(mail.startsWith("To: ops@example.com\nSubject: jobgen: job backup failed on "), mail);
    }

    /** Issue 14 item 8: the webhook URL from a root-only file, so it is in neither the unit nor any argv. */
    @Test
    void theWebhookUrlComesFromItsFile() throws Exception {
        unit(1);
        Path unitFile = dir.resolve("units/jobgen-backup.service");
        Path secret = dir.resolve("alerts.url");
        Files.writeString(secret, "http://127.0.0.1:" + webhook.getAddress().getPort() + "/secret-hook\n");
        Files.writeString(unitFile, Files.readString(unitFile).replaceAll("X-JobgenOnFailureWebhook=.*", "X-JobgenOnFailureWebhookFile=" + secret));
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()), err.toString());
        assertEquals(1, posted.size());
        assertFalse(err.toString().contains("every user can read it"), err.toString());

        // a secret others can read is still sent, with a warning that says how to fix it
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()), err.toString());
        assertEquals(2, posted.size());
        assertTrue(err.toString().contains(secret + " holds a webhook URL and every user can read it: chmod o-r it"), err.toString());

        Files.delete(secret);
        assertEquals(1, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()));
        assertTrue(err.toString().contains("webhook: cannot read its URL from " + secret), err.toString());
        assertTrue(Files.exists(dir.resolve("paged")), "the other targets still got the alert");
    }

    /** The URL file is read as root: anything another user could choose is refused, and the other targets still go. */
    @Test
    void anUntrustworthyUrlFileIsRefused() throws Exception {
        unit(1);
        Path unitFile = dir.resolve("units/jobgen-backup.service");
        Path secret = dir.resolve("alerts.url");
        Files.writeString(unitFile, Files.readString(unitFile).replaceAll("X-JobgenOnFailureWebhook=.*", "X-JobgenOnFailureWebhookFile=" + secret));
        Path real = dir.resolve("real.url");
        Files.writeString(real, "http://127.0.0.1:" + webhook.getAddress().getPort() + "/secret-hook\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));

        Files.createSymbolicLink(secret, real);
        assertRefused(secret + ": it is a symbolic link: point the catalogue's on-failure: webhook-file at the file itself");

        Files.delete(secret);
        assertEquals(0, new ProcessBuilder("mkfifo", secret.toString()).start().waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(secret + ": it is not a regular file"));

        Files.delete(secret);
        Files.copy(real, secret);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw--w----"));
        assertRefused(secret + ": group or other users can write it and so choose where the alert goes: chmod go-w " + secret);

        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(secret, "http://127.0.0.1/" + "x".repeat(NotifyCommand.MAX_URL_FILE_BYTES));
        assertRefused(secret + ": it is larger than 8 KiB");

        if (System.getProperty("user.name").equals("root")) {
            Files.copy(real, secret, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setOwner(secret, secret.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertRefused(secret + ": it belongs to nobody, who could choose where the alert goes: chown root " + secret);
        }
        // a directory others can write: they could swap in a file of their own (or a FIFO) after the checks
        Files.copy(real, secret, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setOwner(secret, Files.getOwner(real));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            assertRefused(secret + ": group or other users can write its directory " + dir.toAbsolutePath()
                    + " and so choose where the alert goes: chmod go-w " + dir.toAbsolutePath());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        assertTrue(posted.isEmpty(), posted.toString());
    }

    private void assertRefused(String reason) throws java.io.IOException {
        err.getBuffer().setLength(0);
        Files.deleteIfExists(dir.resolve("paged"));
        assertEquals(1, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()), err.toString());
        assertTrue(err.toString().contains("jobgen notify: webhook: refused to read its URL from " + reason), err.toString());
        assertTrue(Files.exists(dir.resolve("paged")), "the other targets still got the alert");
    }

    @Test
    void belowAlertAfterNothingIsSent() throws Exception {
        unit(3);
        assertEquals(0, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()));
        assertTrue(out.toString().contains("2 consecutive failure(s), alerting from 3: nothing sent"), out.toString());
        assertTrue(posted.isEmpty());
        assertTrue(!Files.exists(dir.resolve("paged")));
    }

    @Test
    void undeliverableTargetsExit1() throws Exception {
        unit(1);
        webhook.stop(0);
        Files.delete(dir.resolve("sendmail"));
        assertEquals(1, run("jobgen-backup.service", "--unit-dir", dir.resolve("units").toString()));
        assertTrue(Files.exists(dir.resolve("paged")), "the command still ran");
        // the host only: a webhook's path is often its secret
        assertTrue(err.toString().contains("jobgen notify: webhook to 127.0.0.1: "), err.toString());
        assertFalse(err.toString().contains("/hook"), err.toString());
        assertTrue(err.toString().contains("jobgen notify: email to ops@example.com: no sendmail found"), err.toString());
    }

    @Test
    void missingUnitIsOneLine() {
        assertEquals(1, run("jobgen-nope.service", "--unit-dir", dir.toString()));
        assertEquals("jobgen: unit jobgen-nope.service not found in " + dir + "\n", err.toString());
    }
}
