package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.ping.Ping;
import dev.jobgen.ping.PingClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6: a monitor that answers one byte at a time never trips a read timeout, so only a
 * deadline across the whole exchange keeps it from holding the runner (and its lock) for ever.
 */
class PingDeadlineTest {

    /** Accepts connections and sends a status line, then one header byte every {@code gapMillis}, never ending. */
    static final class DripServer implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;

        DripServer(long gapMillis) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        InputStream in = s.getInputStream();
                        in.read(new byte[8192]);
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        while (true) {
                            Thread.sleep(gapMillis);
                            out.write('a');
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // client went away, or the server closes: next connection
                    }
                }
            }, "drip");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/ping";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aServerThatDripsBytesIsCutAtTheDeadline() throws Exception {
        try (DripServer server = new DripServer(300)) {
            long start = System.nanoTime();
            PingClient.Answer a = new PingClient("test").send(Ping.get(server.url()), start + TimeUnit.MILLISECONDS.toNanos(1500));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(a.ok());
            assertTrue(took < 3000, "the ping took " + took + " ms, its bound was 1500 ms");
            assertTrue(a.failure().contains("time bound"), a.failure());
        }
    }
}
