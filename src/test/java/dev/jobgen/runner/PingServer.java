package dev.jobgen.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobgen.ping.Ping;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for Healthchecks, Cronitor or a plain URL monitor.
 * It records every request and answers as told: a status, extra headers, a delay, or never
 * ({@link Behaviour#hang}).
 */
final class PingServer implements AutoCloseable {
    /** How the server answers the n-th request (1-based). */
    interface Behaviour {
        Answer answer(int n);

        static Behaviour ok() {
            return n -> new Answer(200, 0, null);
        }

        static Behaviour hang() {
            return n -> new Answer(200, Long.MAX_VALUE, null);
        }
    }

    /** Status, delay before answering, and an optional {@code Ping-Body-Limit}. */
    record Answer(int status, long delayMillis, Integer bodyLimit) {}

    /** What arrived. */
    record Request(String method, String pathAndQuery, byte[] body) {
        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Behaviour behaviour;

    PingServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ping-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), body));
        Answer a = behaviour.answer(count.incrementAndGet());
        try {
            Thread.sleep(Math.min(a.delayMillis(), 600_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (a.bodyLimit() != null) {
            ex.getResponseHeaders().add("Ping-Body-Limit", a.bodyLimit().toString());
        }
        byte[] reply = "OK".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), reply.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
