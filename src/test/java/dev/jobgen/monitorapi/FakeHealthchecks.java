package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.CronException;
import dev.jobgen.time.CronExpression;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Healthchecks management API v3 (https://healthchecks.io/docs/api/): list, create (with
 * {@code unique}) and update checks, authenticated by {@code X-Api-Key}. Field rules from the
 * docs: name up to 100 characters, slug of a-z 0-9 - _, timeout and grace 60 to 31536000 seconds,
 * schedule (up to 100 characters) a cron expression or OnCalendar expressions one a line, tz a
 * time zone name. A check has a simple schedule (timeout) or a cron/OnCalendar one (schedule, tz).
 */
public final class FakeHealthchecks extends FakeProvider {
    private static final Set<String> FIELDS = Set.of("name", "slug", "tags", "desc", "timeout", "grace", "schedule", "tz",
            "manual_resume", "methods", "channels", "unique", "subject", "subject_fail", "success_kw", "failure_kw",
            "filter_subject", "filter_body", "start_kw");
    private static final Set<String> UNIQUE = Set.of("name", "slug", "tags", "timeout", "grace");
    /** The checks by UUID, as the list shows them. */
    public final Map<String, ObjectNode> checks = new LinkedHashMap<>();

    public FakeHealthchecks(String apiKey) throws IOException {
        super(apiKey);
    }

    @Override
    Reply handle(HttpExchange ex) throws IOException, Rejected {
        String key = ex.getRequestHeaders().getFirst("X-Api-Key");
        if (key == null) {
            throw new Rejected(401, "missing api key");
        }
        if (!key.equals(apiKey)) {
            throw new Rejected(401, "wrong api key");
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        synchronized (checks) {
            if (path.equals("/api/v3/checks/") && method.equals("GET")) {
                ObjectNode out = JSON.createObjectNode();
                com.fasterxml.jackson.databind.node.ArrayNode list = out.putArray("checks");
                checks.values().forEach(list::add);
                return Reply.json(200, out);
            }
            if (path.equals("/api/v3/checks/") && method.equals("POST")) {
                return create(body(ex));
            }
            if (path.startsWith("/api/v3/checks/") && method.equals("POST")) {
                ObjectNode check = checks.get(path.substring("/api/v3/checks/".length()));
                if (check == null) {
                    throw new Rejected(404, "not found");
                }
                JsonNode body = body(ex);
                validate(body);
                if (body.has("unique")) {
                    throw new Rejected(400, "json validation error: unique is only for new checks");
                }
                update(check, body);
                return Reply.json(200, check);
            }
            throw new Rejected(405, "method not allowed");
        }
    }

    private Reply create(JsonNode body) throws Rejected {
        validate(body);
        for (JsonNode check : checks.values()) {
            if (body.has("unique") && matchesUnique(check, body)) {
                update((ObjectNode) check, body);
                return Reply.json(200, check);
            }
        }
        String uuid = UUID.randomUUID().toString();
        ObjectNode check = JSON.createObjectNode();
        check.put("name", "").put("slug", "").put("tags", "").put("desc", "").put("grace", 3600).put("n_pings", 0)
                .put("status", "new").put("started", false).putNull("last_ping").putNull("next_ping")
                .put("manual_resume", false).put("methods", "")
                .put("ping_url", "https://hc-ping.com/" + uuid)
                .put("update_url", url() + "/api/v3/checks/" + uuid)
                .put("pause_url", url() + "/api/v3/checks/" + uuid + "/pause")
                .put("resume_url", url() + "/api/v3/checks/" + uuid + "/resume")
                .put("channels", "").put("timeout", 86400);
        update(check, body);
        checks.put(uuid, check);
        return Reply.json(201, check);
    }

    private static boolean matchesUnique(JsonNode check, JsonNode body) {
        for (JsonNode field : body.get("unique")) {
            if (!check.path(field.asText()).equals(body.path(field.asText()))) {
                return false;
            }
        }
        return true;
    }

    private static void update(ObjectNode check, JsonNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("unique")) {
                check.set(e.getKey(), e.getValue());
            }
        }
        // a check has one kind of schedule: the last one given wins
        if (body.has("schedule")) {
            check.remove("timeout");
            if (!check.has("tz")) {
                check.put("tz", "UTC");
            }
        } else if (body.has("timeout")) {
            check.remove("schedule");
            check.remove("tz");
        }
    }

    private static void validate(JsonNode body) throws Rejected {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new Rejected(400, "json validation error: unknown field " + f);
            }
        }
        for (String f : new String[] {"name", "slug", "tags", "desc", "schedule", "tz"}) {
            if (body.has(f) && !body.get(f).isTextual()) {
                throw new Rejected(400, "json validation error: " + f + " is not a string");
            }
        }
        if (body.path("name").asText().length() > 100) {
            throw new Rejected(400, "json validation error: name is too long");
        }
        if (!body.path("slug").asText().matches("[a-zA-Z0-9_-]*")) {
            throw new Rejected(400, "json validation error: slug does not match pattern");
        }
        for (String f : new String[] {"timeout", "grace"}) {
            if (body.has(f) && (!body.get(f).isIntegralNumber() || body.get(f).asLong() < 60 || body.get(f).asLong() > 31536000)) {
                throw new Rejected(400, "json validation error: " + f + " is too small or too large");
            }
        }
        if (body.has("schedule")) {
            String s = body.get("schedule").asText();
            if (s.length() > 100) {
                throw new Rejected(400, "json validation error: schedule is too long");
            }
            if (!cron(s) && !onCalendar(s)) {
                throw new Rejected(400, "json validation error: schedule is not a valid cron or OnCalendar expression");
            }
        }
        if (body.has("tz") && !validZone(body.get("tz").asText())) {
            throw new Rejected(400, "json validation error: tz is not a valid timezone");
        }
        if (body.has("unique")) {
            for (JsonNode u : body.get("unique")) {
                if (!UNIQUE.contains(u.asText())) {
                    throw new Rejected(400, "json validation error: unique has an unexpected value");
                }
            }
        }
    }

    private static boolean cron(String s) {
        try {
            return s.trim().split("\\s+").length == 5 && !CronExpression.parse(s).atReboot();
        } catch (CronException e) {
            return false;
        }
    }

    private static boolean onCalendar(String s) {
        for (String line : s.split("\n")) {
            try {
                CalendarSpec.parse(line, ZoneOffset.UTC);
            } catch (CalendarException e) {
                return false;
            }
        }
        return true;
    }
}
