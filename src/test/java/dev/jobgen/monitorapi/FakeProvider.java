package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that implements the subset of a provider's management API that
 * {@code jobgen monitors} uses, written from the provider's documentation, and refuses what the
 * provider refuses: a wrong key, a malformed field, an invalid schedule. It is stricter in one
 * way: an unknown field is an error, so a misspelt field name cannot pass unnoticed.
 */
public abstract class FakeProvider implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final String apiKey;
    private final HttpServer server;
    /** "METHOD /path" of every request, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    FakeProvider(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                Reply r;
                try {
                    r = handle(exchange);
                } catch (Rejected e) {
                    r = e.reply;
                }
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** The site's base URL, as given to {@code --api-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests that changed something. */
    public List<String> writes() {
        return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    abstract Reply handle(HttpExchange exchange) throws IOException, Rejected;

    record Reply(int status, String body) {
        static Reply json(int status, Object body) {
            try {
                return new Reply(status, JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A refusal, thrown from deep inside validation. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Reply reply;

        Rejected(int status, String error) {
            super(error, null, false, false);
            this.reply = Reply.json(status, java.util.Map.of("error", error));
        }
    }

    static JsonNode body(HttpExchange exchange) throws IOException, Rejected {
        try {
            JsonNode n = JSON.readTree(exchange.getRequestBody());
            if (n == null || !n.isObject()) {
                throw new Rejected(400, "json validation error: the body is not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Rejected(400, "could not parse request body");
        }
    }

    static boolean validZone(String tz) {
        try {
            ZoneId.of(tz);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
