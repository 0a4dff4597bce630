package dev.jobgen.monitorapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.monitors.DesiredMonitor;
import dev.jobgen.monitors.MonitorChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cronitor's monitor API: {@code GET /api/monitors/KEY} reads one monitor (404 when there is
 * none), and one {@code PUT /api/monitors} with {@code {"monitors": [...]}} creates or updates
 * all of them by key. The key is the HTTP basic user name with an empty password.
 */
final class CronitorApi implements MonitorApi {
    private final JsonHttp http;
    private final Map<String, String> auth;

    CronitorApi(JsonHttp http, String apiKey) {
        this.http = http;
        this.auth = Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Map<String, MonitorChange.Existing> existing(List<DesiredMonitor> monitors) throws ApiException {
        Map<String, MonitorChange.Existing> out = new HashMap<>();
        for (DesiredMonitor m : monitors) {
            if (m.skipped()) {
                continue;
            }
            Optional<JsonNode> found = http.send("GET", "api/monitors/" + URLEncoder.encode(m.job(), StandardCharsets.UTF_8),
                    Optional.empty(), auth, "monitor " + m.job());
            if (found.isPresent()) {
                out.put(m.job(), new MonitorChange.Existing(m.job(), JsonHttp.fields(found.get())));
            }
        }
        return out;
    }

    @Override
    public void apply(List<MonitorChange> changes) throws ApiException {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        ArrayNode list = body.putArray("monitors");
        for (MonitorChange c : changes) {
            if (c.kind() == MonitorChange.Kind.CREATE || c.kind() == MonitorChange.Kind.UPDATE) {
                list.add(JsonHttp.object(c.fields()));
            }
        }
        if (!list.isEmpty()) {
            http.send("PUT", "api/monitors", Optional.of(body), auth, list.size() + " monitor(s)");
        }
    }
}
