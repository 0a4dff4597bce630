package dev.jobgen.monitorapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jobgen.monitors.DesiredMonitor;
import dev.jobgen.monitors.ExpectedSchedule;
import dev.jobgen.monitors.Provider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins refuse what the providers document refusing (else the command's tests would
 * prove nothing), and the HTTP edge sends the key nowhere but the site it was given.
 */
class FakeProviderTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String url, String body, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, value);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void healthchecksRefusesBadKeysFieldsAndSchedules() throws Exception {
        try (FakeHealthchecks hc = new FakeHealthchecks("k")) {
            String checks = hc.url() + "/api/v3/checks/";
            assertEquals(401, send("GET", checks, "", null, null).statusCode());
            assertEquals(401, send("GET", checks, "", "X-Api-Key", "wrong").statusCode());
            for (String bad : List.of("{\"name\":\"a\",\"schedules\":\"0 * * * *\"}", "{\"name\":\"a\",\"schedule\":\"0 25 * * *\"}",
                    "{\"name\":\"a\",\"schedule\":\"*-*-* 25:00\"}", "{\"name\":\"a\",\"timeout\":59}", "{\"name\":\"a\",\"grace\":\"60\"}",
                    "{\"name\":\"a\",\"schedule\":\"0 * * * *\",\"tz\":\"Mars/Olympus\"}", "{\"name\":\"a\",\"slug\":\"a.b\"}")) {
                HttpResponse<String> r = send("POST", checks, bad, "X-Api-Key", "k");
                assertEquals(400, r.statusCode(), bad + " -> " + r.body());
                assertTrue(r.body().contains("json validation error"), r.body());
            }
            assertTrue(hc.checks.isEmpty());
            HttpResponse<String> ok = send("POST", checks, "{\"name\":\"a\",\"schedule\":\"Mon..Fri 02:30\\n*-*-01 03:00\",\"tz\":\"Europe/Berlin\"}",
                    "X-Api-Key", "k");
            assertEquals(201, ok.statusCode(), ok.body());
        }
    }

    @Test
    void cronitorRefusesBadKeysAttributesAndSchedulesAndChangesNothingThen() throws Exception {
        try (FakeCronitor cr = new FakeCronitor("k")) {
            String auth = "Basic " + Base64.getEncoder().encodeToString("k:".getBytes(StandardCharsets.UTF_8));
            String url = cr.url() + "/api/monitors";
            assertEquals(403, send("PUT", url, "{\"monitors\":[]}", "Authorization", "Basic eDo=").statusCode());
            for (String bad : List.of("{\"key\":\"a\",\"type\":\"job\",\"grace\":60}", "{\"key\":\"a\",\"type\":\"job\",\"schedule\":\"every blue moon\"}",
                    "{\"key\":\"a\",\"type\":\"cron\"}", "{\"type\":\"job\"}", "{\"key\":\"a\",\"type\":\"job\",\"timezone\":\"Mars/Olympus\"}")) {
                HttpResponse<String> r = send("PUT", url, "{\"monitors\":[{\"key\":\"ok\",\"type\":\"job\"}," + bad + "]}", "Authorization", auth);
                assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            }
            assertTrue(cr.monitors.isEmpty(), "a refused request changed monitors: " + cr.monitors);
            assertEquals(404, send("GET", url + "/ok", "", "Authorization", auth).statusCode());
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysWithTheSite() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        other.createContext("/", ex -> {
            elsewhere.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        site.createContext("/", ex -> {
            ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + other.getAddress().getPort() + "/steal");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        other.start();
        site.start();
        try {
            MonitorApi api = MonitorApi.of(Provider.HEALTHCHECKS, URI.create("http://127.0.0.1:" + site.getAddress().getPort()), "k");
            DesiredMonitor m = new DesiredMonitor("a", "d", Optional.of(new ExpectedSchedule.Period(3600)), 60, "test");
            ApiException e = assertThrows(ApiException.class, () -> api.existing(List.of(m)));
            assertTrue(e.getMessage().contains("(HTTP 302)"), e.getMessage());
            assertEquals(0, elsewhere.get());
        } finally {
            site.stop(0);
            other.stop(0);
        }
    }
}
