import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The heartbeat endpoint of the end-to-end suite, run inside the container with the JDK's
 * single-file launcher: {@code java HeartbeatRecorder.java PORT LOGFILE}. Answers every request on
 * 127.0.0.1:PORT with 200 and appends one line per request, "METHOD URI BODY-BYTES", so the suite
 * can check the order of pings and the run id they carry.
 */
public final class HeartbeatRecorder {
    private HeartbeatRecorder() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path log = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body.length + "\n";
            // one writer thread (the default executor), so lines never interleave
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            byte[] ok = "OK".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }
}
