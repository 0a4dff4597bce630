package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.ping.Ping;
import dev.jobgen.runspec.HeartbeatProvider;
import dev.jobgen.runspec.HeartbeatSpec.UrlSource;
import dev.jobgen.runspec.HeartbeatSpec;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeat pings of whole runs against a real loopback server speaking each provider's protocol. */
class HeartbeatTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String script, HeartbeatSpec hb, Map<String, String> env) throws Exception {
        TestConfig c = new TestConfig(dir, script);
        c.heartbeat = Optional.of(hb);
        c.logTail = 64;
        Console console = new Console(out, err, c.logTail);
        return new Runner(c.build(), now -> Optional.of(RunnerTest.PERIOD), Clock.systemUTC(), env, console, new Signals(),
                ProcessGroup.locate(), "node-1").run();
    }

    static HeartbeatSpec hb(HeartbeatProvider p, String url) {
        return new HeartbeatSpec(p, new UrlSource(UrlSource.Kind.literal, url), Optional.empty(), Optional.empty());
    }

    String runId() throws Exception {
        return HistoryReader.read(dir.resolve("state")).get(0).runId();
    }

    @Test
    void healthchecksSuccess() throws Exception {
        try (PingServer server = new PingServer(PingServer.Behaviour.ok())) {
            assertEquals(0, run("echo hello", hb(HeartbeatProvider.HEALTHCHECKS, server.url("/ping/abc")), Map.of()));
            List<PingServer.Request> r = server.requests();
            assertEquals(2, r.size(), r.toString());
            assertEquals("/ping/abc/start?rid=" + runId(), r.get(0).pathAndQuery());
            assertEquals("POST", r.get(1).method());
            assertEquals("/ping/abc?rid=" + runId(), r.get(1).pathAndQuery());
            assertEquals("hello\n", r.get(1).bodyText());
        }
    }

    @Test
    void healthchecksFailureCarriesExitCodeAndTailCutToPingBodyLimit() throws Exception {
        try (PingServer server = new PingServer(n -> new PingServer.Answer(200, 0, 10))) {
            String script = "echo 0123456789abcdefghij; echo second; exit 3";
            assertEquals(3, run(script, hb(HeartbeatProvider.HEALTHCHECKS, server.url("/p/k?create=1")), Map.of()));
            List<PingServer.Request> r = server.requests();
            assertEquals("/p/k/start?create=1&rid=" + runId(), r.get(0).pathAndQuery());
            assertEquals("/p/k/3?create=1&rid=" + runId(), r.get(1).pathAndQuery());
            assertEquals("ij\nsecond\n", r.get(1).bodyText(), "the last Ping-Body-Limit bytes of the tail");
        }
    }

    @Test
    void cronitorTelemetry() throws Exception {
        try (PingServer server = new PingServer(PingServer.Behaviour.ok())) {
            assertEquals(5, run("echo broken; exit 5", hb(HeartbeatProvider.CRONITOR, server.url("/p/key/job")), Map.of()));
            List<PingServer.Request> r = server.requests();
            String series = "series=" + runId();
            assertEquals("/p/key/job?state=run&" + series + "&host=node-1", r.get(0).pathAndQuery());
            String end = r.get(1).pathAndQuery();
            assertTrue(end.startsWith("/p/key/job?state=fail&" + series + "&host=node-1&status_code=5&duration="), end);
            assertTrue(end.endsWith("&message=broken%0A"), end);
        }
    }

    @Test
    void urlTemplatesFromACredential() throws Exception {
        Path creds = Files.createDirectories(dir.resolve("creds"));
        try (PingServer server = new PingServer(PingServer.Behaviour.ok())) {
            Files.writeString(creds.resolve("hb"), server.url("/ok/{job}/{run_id}?p={period}") + "\n");
            HeartbeatSpec config = new HeartbeatSpec(HeartbeatProvider.URL, new UrlSource(UrlSource.Kind.credential, "hb"),
                    Optional.of(server.url("/start/{job}")), Optional.of(server.url("/fail/{job}/{exit_code}")));
            assertEquals(0, run("true", config, Map.of("CREDENTIALS_DIRECTORY", creds.toString())));
            List<PingServer.Request> r = server.requests();
            assertEquals("/start/demo", r.get(0).pathAndQuery());
            assertEquals("/ok/demo/" + runId() + "?p=2026-01-01T02%3A00%3A00Z", r.get(1).pathAndQuery());
        }
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        try (PingServer server = new PingServer(n -> new PingServer.Answer(n <= 2 ? 503 : 200, 0, null))) {
            assertEquals(0, run("true", hb(HeartbeatProvider.HEALTHCHECKS, server.url("/x")), Map.of()));
            assertEquals(4, server.requests().size(), "start: 503, 503, 200; then success");
            assertFalse(err.toString(StandardCharsets.UTF_8).contains("warning"), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndOnlyWarn() throws Exception {
        try (PingServer server = new PingServer(n -> new PingServer.Answer(404, 0, null))) {
            assertEquals(0, run("true", hb(HeartbeatProvider.HEALTHCHECKS, server.url("/x")), Map.of()));
            assertEquals(2, server.requests().size());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: start ping failed: HTTP 404"));
        }
    }

    @Test
    void refusingServerOnlyWarns() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertEquals(0, run("echo fine", hb(HeartbeatProvider.HEALTHCHECKS, "http://127.0.0.1:" + port + "/x"), Map.of()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("warning: start ping failed: ConnectException"), e);
        assertEquals("fine\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingUrlFileDisablesTheHeartbeatWithAWarning() throws Exception {
        HeartbeatSpec config = new HeartbeatSpec(HeartbeatProvider.HEALTHCHECKS,
                new UrlSource(UrlSource.Kind.file, dir.resolve("absent.url").toString()), Optional.empty(), Optional.empty());
        assertEquals(0, run("true", config, Map.of()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: heartbeat disabled for this run"));
    }
}
