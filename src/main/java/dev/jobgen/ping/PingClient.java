package dev.jobgen.ping;

import dev.jobgen.ping.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Sends a {@link Ping} with {@link HttpURLConnection} ({@code java.net.http} sets up TLS even for
 * plain http and costs the runner most of a second). Short timeouts, up to {@link #ATTEMPTS}
 * tries with backoff on 408, 429, 5xx and connection errors, and never past the caller's
 * deadline: the connection is cut when it passes, however slowly the server keeps sending. Failures come back as a message for a warning, never as an exception.
 */
public final class PingClient {
    public static final int ATTEMPTS = 3;
    public static final int CONNECT_TIMEOUT_MS = 3000;
    public static final int READ_TIMEOUT_MS = 5000;
    private static final long[] BACKOFF_MS = {250, 1000};

    private final String userAgent;

    public PingClient(String userAgent) {
        this.userAgent = userAgent;
    }

    /** What the server answered: status, and Healthchecks' {@code Ping-Body-Limit} when sent. */
    public record Answer(int status, OptionalInt bodyLimit, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    public Answer send(Ping ping, long deadlineNanos) {
        String failure = "not sent";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left < 1) {
                return new Answer(0, OptionalInt.empty(), failure + "; ping time bound reached");
            }
            try {
                Answer a = once(ping, (int) Math.min(CONNECT_TIMEOUT_MS, left), (int) Math.min(READ_TIMEOUT_MS, left), deadlineNanos);
                if (a.ok() || !retryable(a.status())) {
                    return a;
                }
                failure = a.failure();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < ATTEMPTS && !pause(BACKOFF_MS[attempt - 1], deadlineNanos)) {
                break;
            }
        }
        return new Answer(0, OptionalInt.empty(), failure);
    }

    private Answer once(Ping ping, int connectMs, int readMs, long deadlineNanos) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(ping.url()).openConnection();
        Watchdog watchdog = new Watchdog(c, deadlineNanos);
        watchdog.start();
        try {
            c.setConnectTimeout(connectMs);
            c.setReadTimeout(readMs);
            c.setUseCaches(false);
            c.setRequestProperty("User-Agent", userAgent);
            c.setRequestProperty("Connection", "close");
            if (ping.isPost()) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(ping.body().length);
                c.setRequestProperty("Content-Type", ping.contentType());
                try (OutputStream out = c.getOutputStream()) {
                    out.write(ping.body());
                }
            }
            int status = c.getResponseCode();
            drain(status >= 400 ? c.getErrorStream() : c.getInputStream());
            OptionalInt limit = parseLimit(c.getHeaderField("Ping-Body-Limit"));
            String failure = status >= 200 && status < 400 ? null : "HTTP " + status;
            return new Answer(status, limit, failure);
        } catch (IOException e) {
            if (watchdog.fired) {
                throw new IOException("ping time bound reached (a server that answers too slowly)", e);
            }
            throw e;
        } finally {
            watchdog.interrupt();
            c.disconnect();
        }
    }

    /**
     * Cuts the connection at the deadline. The read timeout bounds each read only: a server that
     * sends a byte every few seconds would hold the runner (and its lock) for ever without this.
     */
    private static final class Watchdog extends Thread {
        private final HttpURLConnection connection;
        private final long deadlineNanos;
        volatile boolean fired;

        Watchdog(HttpURLConnection connection, long deadlineNanos) {
            super("ping-deadline");
            setDaemon(true);
            this.connection = connection;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            try {
                long left;
                while ((left = deadlineNanos - System.nanoTime()) > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            } catch (InterruptedException e) {
                return;
            }
            fired = true;
            connection.disconnect();
        }
    }

    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buf = new byte[4096];
            int total = 0;
            int n;
            while (total < 65536 && (n = in.read(buf)) > 0) {
                total += n;
            }
        }
    }

    private static OptionalInt parseLimit(String header) {
        if (header == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Math.max(0, Integer.parseInt(header.trim())));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean pause(long millis, long deadlineNanos) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= millis) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
