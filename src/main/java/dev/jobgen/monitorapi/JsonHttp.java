package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP with bounded waits (5 s to connect, 30 s per request), no redirects (a redirect
 * would carry the API key elsewhere), and every failure as one line naming the provider.
 */
final class JsonHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_CHARS = 300;
    private final String provider;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    JsonHttp(String provider, URI base) {
        this.provider = provider;
        // paths resolve below the base, so a Healthchecks served under /hc/ works too
        this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
    }

    /** Sends {@code body} (or nothing) to {@code path}; empty on 404, the parsed body on 2xx. */
    Optional<JsonNode> send(String method, String path, Optional<JsonNode> body, Map<String, String> headers, String what)
            throws ApiException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        headers.forEach(b::header);
        if (body.isPresent()) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(write(body.get())));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ApiException(provider + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + "s (" + what + ")");
        } catch (ConnectException e) {
            throw new ApiException("cannot connect to " + provider + " at " + base + " (" + what + ")");
        } catch (IOException e) {
            throw new ApiException(provider + ": " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(provider + ": interrupted (" + what + ")");
        }
        int status = r.statusCode();
        if (status == 404 && method.equals("GET")) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new ApiException(provider + " refused the API key (HTTP " + status + ", " + what + "): " + brief(r.body()));
        }
        if (status / 100 != 2) {
            throw new ApiException(provider + " rejected " + what + " (HTTP " + status + "): " + brief(r.body()));
        }
        try {
            return Optional.of(JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new ApiException(provider + " answered " + what + " with something that is not JSON");
        }
    }

    static ObjectNode object(Map<String, Object> fields) {
        ObjectNode o = JSON.createObjectNode();
        fields.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
        return o;
    }

    /** A check's fields as the core compares them: numbers as Long, arrays as lists of strings; nulls left out. */
    static java.util.Map<String, Object> fields(JsonNode node) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isIntegralNumber()) {
                out.put(e.getKey(), v.asLong());
            } else if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.put(e.getKey(), List.copyOf(items));
            } else if (!v.isNull()) {
                out.put(e.getKey(), v.toString());
            }
        }
        return out;
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's error text, on one line and cut short: it goes into a terminal. */
    private static String brief(String body) {
        String oneLine = body.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() > MAX_ERROR_CHARS ? oneLine.substring(0, MAX_ERROR_CHARS) + "..." : oneLine;
    }
}
