package dev.jobgen.notify;

import dev.jobgen.ping.Ping;
import dev.jobgen.ping.PingClient;
import dev.jobgen.runspec.UnitKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Delivers a {@link FailureAlert} to a job's on-failure targets: a command (alert facts in
 * {@code JOBGEN_*} variables, the journal lines on stdin), a webhook (JSON POST with the pinging
 * rules: short timeouts, retries on 5xx), and an email through the local {@code sendmail -t}.
 * Each target is tried even when another fails; failures come back as messages.
 */
public final class AlertSender {
    /** Where {@code sendmail} is looked for, in order. */
    public static final List<Path> SENDMAIL = List.of(Path.of("/usr/sbin/sendmail"), Path.of("/usr/lib/sendmail"));
    static final long COMMAND_TIMEOUT_SECONDS = 60;
    static final long WEBHOOK_BOUND_SECONDS = 20;

    private final List<Path> sendmailCandidates;

    public AlertSender(List<Path> sendmailCandidates) {
        this.sendmailCandidates = List.copyOf(sendmailCandidates);
    }

    /** Sends to every target in {@code keys}; returns what could not be delivered (empty: all sent). */
    public List<String> send(UnitKeys keys, FailureAlert alert) {
        List<String> failures = new ArrayList<>();
        if (!keys.onFailureCommand().isEmpty()) {
            command(keys.onFailureCommand(), alert).ifPresent(failures::add);
        }
        keys.webhook().flatMap(url -> webhook(url, alert)).ifPresent(failures::add);
        keys.email().flatMap(to -> email(to, alert)).ifPresent(failures::add);
        return failures;
    }

    Optional<String> command(List<String> argv, FailureAlert alert) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.put("JOBGEN_JOB", alert.job());
        env.put("JOBGEN_UNIT", alert.unit());
        env.put("JOBGEN_HOST", alert.host());
        env.put("JOBGEN_EXIT_CODE", Integer.toString(alert.exitCode()));
        env.put("JOBGEN_OUTCOME", alert.outcome());
        env.put("JOBGEN_RUN_ID", alert.runId());
        env.put("JOBGEN_CONSECUTIVE_FAILURES", Integer.toString(alert.consecutiveFailures()));
        return feed(pb, alert.journal(), "on-failure command " + argv.get(0));
    }

    Optional<String> webhook(String url, FailureAlert alert) {
        PingClient.Answer a = new PingClient("jobgen-notify").send(
                Ping.postJson(url, alert.webhookJson().getBytes(StandardCharsets.UTF_8)),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(WEBHOOK_BOUND_SECONDS));
        // the host only: the rest of a webhook URL is often its secret, and this message goes to the journal
        return a.ok() ? Optional.empty() : Optional.of("webhook to " + host(url) + ": " + a.failure());
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "(no host)" : host;
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    Optional<String> email(String to, FailureAlert alert) {
        for (Path sendmail : sendmailCandidates) {
            if (Files.isExecutable(sendmail)) {
                return feed(new ProcessBuilder(sendmail.toString(), "-t").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT), alert.emailMessage(to), "sendmail");
            }
        }
        return Optional.of("email to " + to + ": no sendmail found (" + sendmailCandidates + ")");
    }

    /** Starts {@code pb}, writes {@code input} to its stdin, waits; a message when it did not exit 0. */
    private static Optional<String> feed(ProcessBuilder pb, String input, String what) {
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it need not read its input
            }
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of(what + ": still running after " + COMMAND_TIMEOUT_SECONDS + "s, killed");
            }
            return p.exitValue() == 0 ? Optional.empty() : Optional.of(what + ": exit status " + p.exitValue());
        } catch (IOException e) {
            return Optional.of(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(what + ": interrupted");
        }
    }
}
