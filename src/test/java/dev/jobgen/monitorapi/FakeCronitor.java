package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.jobgen.time.CronException;
import dev.jobgen.time.CronExpression;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cronitor's monitor API (https://cronitor.io/docs/monitor-api): {@code PUT /api/monitors} with
 * {@code {"monitors": [...]}} creates or updates by key (200, 400, 403), {@code GET
 * /api/monitors/KEY} reads one; the API key is the basic-auth user. Rules from the docs: key and
 * type required, type one of job/check/heartbeat/site, schedule a cron expression or an interval
 * ("every 2 hours"), timezone a zone name, grace_seconds and schedule_tolerance whole numbers.
 * A bad request changes no monitor.
 */
public final class FakeCronitor extends FakeProvider {
    private static final Set<String> FIELDS = Set.of("key", "name", "type", "schedule", "timezone", "grace_seconds",
            "schedule_tolerance", "failure_tolerance", "tags", "note", "notify", "assertions", "realert_interval",
            "paused", "group", "platform");
    /** The monitors by key. */
    public final Map<String, ObjectNode> monitors = new LinkedHashMap<>();

    public FakeCronitor(String apiKey) throws IOException {
        super(apiKey);
    }

    @Override
    Reply handle(HttpExchange ex) throws IOException, Rejected {
        String expected = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            throw new Rejected(403, "Invalid API key");
        }
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        synchronized (monitors) {
            if (path.startsWith("/api/monitors/") && method.equals("GET")) {
                ObjectNode m = monitors.get(URLDecoder.decode(path.substring("/api/monitors/".length()), StandardCharsets.UTF_8));
                if (m == null) {
                    throw new Rejected(404, "Not found");
                }
                return Reply.json(200, m);
            }
            if (path.equals("/api/monitors") && method.equals("PUT")) {
                JsonNode list = body(ex).path("monitors");
                if (!list.isArray()) {
                    throw new Rejected(400, "monitors: expected a list");
                }
                for (JsonNode m : list) {
                    validate(m);
                }
                ObjectNode out = JSON.createObjectNode();
                for (JsonNode m : list) {
                    ObjectNode stored = monitors.computeIfAbsent(m.get("key").asText(), k -> JSON.createObjectNode()
                            .put("paused", false).put("passing", true).put("timezone", "UTC").put("grace_seconds", 60)
                            .put("schedule_tolerance", 0).put("created", "2026-06-01T12:00:00Z"));
                    stored.setAll((ObjectNode) m);
                    out.withArray("monitors").add(stored);
                }
                return Reply.json(200, out);
            }
            throw new Rejected(405, "Method not allowed");
        }
    }

    private static void validate(JsonNode m) throws Rejected {
        if (!m.isObject()) {
            throw new Rejected(400, "a monitor must be an object");
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new Rejected(400, f + ": unknown attribute");
            }
        }
        if (!m.path("key").isTextual() || m.get("key").asText().isEmpty()) {
            throw new Rejected(400, "key: this field is required");
        }
        if (!Set.of("job", "check", "heartbeat", "site").contains(m.path("type").asText())) {
            throw new Rejected(400, "type: must be one of job, check, heartbeat, site");
        }
        if (m.has("schedule") && !schedule(m.get("schedule").asText())) {
            throw new Rejected(400, "schedule: '" + m.get("schedule").asText() + "' is not a valid schedule");
        }
        if (m.has("timezone") && !validZone(m.get("timezone").asText())) {
            throw new Rejected(400, "timezone: unknown time zone");
        }
        for (String f : new String[] {"grace_seconds", "schedule_tolerance"}) {
            if (m.has(f) && (!m.get(f).isIntegralNumber() || m.get(f).asLong() < 0)) {
                throw new Rejected(400, f + ": must be a whole number of at least 0");
            }
        }
        if (m.has("tags") && !m.get("tags").isArray()) {
            throw new Rejected(400, "tags: expected a list");
        }
    }

    private static boolean schedule(String s) {
        if (s.matches("every [1-9][0-9]* (seconds?|minutes?|min|hours?|days?)")) {
            return true;
        }
        try {
            return s.trim().split("\\s+").length == 5 && !CronExpression.parse(s).atReboot();
        } catch (CronException e) {
            return false;
        }
    }
}
