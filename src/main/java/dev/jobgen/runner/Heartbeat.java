package dev.jobgen.runner;

import dev.jobgen.ping.Ping;
import dev.jobgen.ping.PingClient;
import dev.jobgen.runspec.HeartbeatSpec.UrlSource;
import dev.jobgen.runspec.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of one run. The start ping goes out on its own thread while the command runs, so
 * it never delays the job; the end ping first waits for it (pings must arrive in order) and all of
 * that is bounded by {@link #END_BOUND}: a dead or hanging monitor delays the runner's exit by at
 * most that long and costs a warning, never the job's status. (No lambdas on this path: see
 * {@link CalendarPeriods}.)
 */
final class Heartbeat {
    static final Duration START_BOUND = Duration.ofSeconds(10);
    static final Duration END_BOUND = Duration.ofSeconds(10);

    private final HeartbeatProtocol protocol;
    private final PingClient client;
    private final Console console;
    private final HeartbeatProtocol.RunFacts run;
    private volatile OptionalInt bodyLimit = OptionalInt.empty();
    private Thread starter;

    Heartbeat(HeartbeatProtocol protocol, PingClient client, Console console, HeartbeatProtocol.RunFacts run) {
        this.protocol = protocol;
        this.client = client;
        this.console = console;
        this.run = run;
    }

    /** Reads the URL from where the flags say; a missing file or credential is a warning. */
    static Optional<String> resolveUrl(UrlSource source, Map<String, String> env, Console console) {
        try {
            String url = switch (source.kind()) {
                case literal -> source.value();
                case file -> Files.readString(Path.of(source.value()), StandardCharsets.UTF_8);
                case credential -> Files.readString(RunSpec.credentialFile(env, source.value()), StandardCharsets.UTF_8);
            };
            url = url.trim();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IOException("not an http(s) URL");
            }
            return Optional.of(url);
        } catch (IOException e) {
            console.note("warning: heartbeat disabled for this run: cannot read the " + source.kind() + " URL "
                    + (source.kind() == UrlSource.Kind.literal ? "" : "'" + source.value() + "' ") + "(" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    void start() {
        Optional<Ping> ping = protocol.start(run);
        if (ping.isEmpty()) {
            return;
        }
        starter = new Thread(new Runnable() {
            @Override
            public void run() {
                PingClient.Answer a = client.send(ping.get(), System.nanoTime() + START_BOUND.toNanos());
                bodyLimit = a.bodyLimit();
                warnIfFailed("start", a);
            }
        }, "heartbeat-start");
        starter.setDaemon(true);
        starter.start();
    }

    void end(boolean success, int exitCode, Duration duration, byte[] tail) {
        long deadline = System.nanoTime() + END_BOUND.toNanos();
        if (starter != null) {
            try {
                starter.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<Ping> ping = protocol.end(run, new HeartbeatProtocol.End(success, exitCode, duration, tail, bodyLimit));
        if (ping.isPresent()) {
            warnIfFailed(success ? "success" : "failure", client.send(ping.get(), deadline));
        }
    }

    private void warnIfFailed(String which, PingClient.Answer a) {
        if (!a.ok()) {
            console.note("warning: " + which + " ping failed: " + a.failure());
        }
    }
}
