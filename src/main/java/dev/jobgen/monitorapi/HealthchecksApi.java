package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.monitors.DesiredMonitor;
import dev.jobgen.monitors.MonitorChange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Healthchecks management API v3: {@code GET /api/v3/checks/} lists the project's checks, {@code
 * POST /api/v3/checks/} creates one ({@code unique: ["name"]}, so a check made meanwhile by
 * someone else is updated, not doubled), {@code POST /api/v3/checks/UUID} updates one. The key
 * goes in {@code X-Api-Key}; checks are matched to jobs by name.
 */
final class HealthchecksApi implements MonitorApi {
    private static final String CHECKS = "api/v3/checks/";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    private final JsonHttp http;
    private final Map<String, String> auth;

    HealthchecksApi(JsonHttp http, String apiKey) {
        this.http = http;
        this.auth = Map.of("X-Api-Key", apiKey);
    }

    @Override
    public Map<String, MonitorChange.Existing> existing(List<DesiredMonitor> monitors) throws ApiException {
        Set<String> names = new HashSet<>();
        monitors.forEach(m -> names.add(m.job()));
        JsonNode list = http.send("GET", CHECKS, Optional.empty(), auth, "the list of checks")
                .orElseThrow(() -> new ApiException("healthchecks has no " + CHECKS + " (is the URL right?)"));
        Map<String, MonitorChange.Existing> out = new HashMap<>();
        for (JsonNode check : list.path("checks")) {
            String name = check.path("name").asText();
            if (!names.contains(name)) {
                continue;
            }
            if (out.containsKey(name)) {
                throw new ApiException("healthchecks has two checks named '" + name + "': delete or rename one");
            }
            out.put(name, new MonitorChange.Existing(uuid(check, name), JsonHttp.fields(check)));
        }
        return out;
    }

    /** The check's UUID: its {@code uuid} field, else the end of its {@code update_url}. */
    private static String uuid(JsonNode check, String name) throws ApiException {
        String id = check.path("uuid").asText("");
        if (id.isEmpty()) {
            String url = check.path("update_url").asText("");
            id = url.substring(url.lastIndexOf('/') + 1);
        }
        if (!UUID.matcher(id).matches()) {
            throw new ApiException("healthchecks lists check '" + name + "' without a UUID (a read-only API key?)");
        }
        return id;
    }

    @Override
    public void apply(List<MonitorChange> changes) throws ApiException {
        for (MonitorChange c : changes) {
            ObjectNode body = JsonHttp.object(c.fields());
            switch (c.kind()) {
                case CREATE -> {
                    body.putArray("unique").add("name");
                    http.send("POST", CHECKS, Optional.of(body), auth, "the new check " + c.monitor().job());
                }
                case UPDATE -> http.send("POST", CHECKS + c.id().orElseThrow(), Optional.of(body), auth,
                        "the update of check " + c.monitor().job());
                default -> { }
            }
        }
    }
}
