package dev.jobgen.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobgen.history.Outcome;
import dev.jobgen.runner.ClusterCoordinator;
import dev.jobgen.runspec.OnUnavailable;
import dev.jobgen.runspec.RunSpec.ClusterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The claim protocol in process, against a real PostgreSQL; and the CLI commands on the store. */
@ExtendWith(SharedPostgres.class)
class PgCoordinatorTest {
    static final Instant T = Instant.parse("2026-06-01T00:00:00Z");
    static final String P = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    PgCoordinator coordinator(Path urlFile, String host, boolean force) {
        return new PgCoordinator("billing", host, force, new ClusterSettings(Optional.of(urlFile), Optional.empty(), OnUnavailable.FAIL),
                Map.of(), Clock.systemUTC());
    }

    Path urlFile(PostgresServer pg) throws Exception {
        Path f = dir.resolve("cluster.url");
        Files.writeString(f, pg.createDatabase());
        return f;
    }

    @Test
    void oneLeaseAtATimeThenDoneForEveryoneUntilForced(PostgresServer pg) throws Exception {
        Path url = urlFile(pg);
        ClusterCoordinator.Claim first = coordinator(url, "n1", false).claim(P, "run-1", T, Duration.ZERO, () -> false);
        assertTrue(first.lease().isPresent());
        ClusterCoordinator.Claim second = coordinator(url, "n2", false).claim(P, "run-2", T, Duration.ofMillis(500), () -> false);
        assertTrue(second.lease().isEmpty(), "the lock is held by n1");
        assertTrue(second.note().contains("running on another node"));
        first.lease().get().finish(Outcome.SUCCESS, 0, T.plusSeconds(5));
        first.lease().get().close();

        ClusterCoordinator.Claim third = coordinator(url, "n3", false).claim(P, "run-3", T, Duration.ZERO, () -> false);
        assertTrue(third.lease().isEmpty());
        assertEquals("period " + P + " was done by n1 (run run-1): skipping", third.note());
        ClusterCoordinator.Claim next = coordinator(url, "n3", false).claim("2026-06-02T00:00:00Z", "run-4", T, Duration.ZERO, () -> false);
        assertTrue(next.lease().isPresent(), "the next period is free");
        next.lease().get().close();
        ClusterCoordinator.Claim forced = coordinator(url, "n2", true).claim(P, "run-5", T, Duration.ZERO, () -> false);
        assertTrue(forced.lease().isPresent(), "--force runs a done period again");
        forced.lease().get().close();

        List<ClusterRun> history = new ClusterAdmin(ClusterConnector.of(new ClusterSettings(Optional.of(url), Optional.empty(),
                OnUnavailable.FAIL), Map.of())).history("billing", 0);
        List<String> seen = new ArrayList<>();
        for (ClusterRun r : history) {
            seen.add(r.host() + " " + r.runId() + " " + r.outcome());
        }
        assertEquals(List.of("n1 run-1 success", "n2 run-2 skipped-peer", "n3 run-3 skipped-peer", "n3 run-4 running",
                "n2 run-5 running"), seen);
        assertEquals(Optional.of(T.plusSeconds(5)), history.get(0).end());
    }

    @Test
    void aFailedPeriodIsClaimableAgain(PostgresServer pg) throws Exception {
        Path url = urlFile(pg);
        ClusterCoordinator.Claim first = coordinator(url, "n1", false).claim(P, "run-1", T, Duration.ZERO, () -> false);
        first.lease().get().finish(Outcome.FAILED, 3, T.plusSeconds(1));
        first.lease().get().close();
        ClusterCoordinator.Claim retry = coordinator(url, "n2", false).claim(P, "run-2", T, Duration.ZERO, () -> false);
        assertTrue(retry.lease().isPresent());
        retry.lease().get().finish(Outcome.SUCCESS, 0, T.plusSeconds(2));
        retry.lease().get().close();
        try (Connection c = ClusterConnector.of(new ClusterSettings(Optional.of(url), Optional.empty(), OnUnavailable.FAIL),
                Map.of()).connect()) {
            assertEquals(List.of("done n2 run-2 2"),
                    ClusterRaceTest.rows(c, "SELECT state || ' ' || host || ' ' || run_id || ' ' || claims FROM jobgen.periods"));
        }
    }

    @Test
    void manySessionsCreateTheSchemaOnceAtTheSameTime(PostgresServer pg) throws Exception {
        ClusterConnector connector = new ClusterConnector(ClusterUrl.parse(pg.createDatabase()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                found.add(pool.submit(() -> {
                    try (Connection c = connector.connect()) {
                        return ClusterSchema.ensure(c);
                    }
                }));
            }
            int created = 0;
            for (Future<Integer> f : found) {
                created += f.get() == 0 ? 1 : 0;
            }
            assertEquals(1, created, "exactly one session found no schema");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connector.connect()) {
            assertEquals(ClusterSchema.VERSION, ClusterSchema.version(c));
        }
    }

    @Test
    void cliInitAndClusterHistory(PostgresServer pg) throws Exception {
        Path url = urlFile(pg);
        CliOutput init = CliOutput.run("cluster", "init", "--url-file", url.toString());
        assertEquals(0, init.status(), init.err());
        assertEquals("cluster schema created (version 0 -> 1)\n", init.out());
        assertEquals("cluster schema is up to date (version 1)\n", CliOutput.run("cluster", "init", "--url-file", url.toString()).out());

        ClusterCoordinator.Claim c = coordinator(url, "node-a", false).claim(P, "run-1", T, Duration.ZERO, () -> false);
        c.lease().get().finish(Outcome.SUCCESS, 0, T.plusSeconds(90));
        c.lease().get().close();
        coordinator(url, "node-b", false).claim(P, "run-2", T.plusSeconds(1), Duration.ZERO, () -> false);

        CliOutput json = CliOutput.run("history", "billing", "--cluster", "--cluster-url-file", url.toString(), "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(2, rows.size());
        assertEquals("node-a", rows.get(0).get("host").asText());
        assertEquals("success", rows.get(0).get("outcome").asText());
        assertEquals("2026-06-01T00:01:30Z", rows.get(0).get("end").asText());
        assertEquals("skipped-peer", rows.get(1).get("outcome").asText());
        CliOutput table = CliOutput.run("history", "billing", "--cluster", "--cluster-url-file", url.toString());
        assertTrue(table.out().startsWith("START"), table.out());
        assertTrue(table.out().contains("1m30s") && table.out().contains("node-b"), table.out());

        CliOutput missing = CliOutput.run("history", "billing", "--cluster");
        assertEquals(2, missing.status());
        CliOutput down = CliOutput.run("cluster", "init", "--url-file", write("postgresql://x@127.0.0.1:" + PostgresServer.freePort() + "/d"));
        assertEquals(1, down.status());
        assertFalse(down.err().contains("\tat "), "one line, no stack trace: " + down.err());
    }

    private String write(String url) throws Exception {
        Path f = dir.resolve("other.url");
        Files.writeString(f, url);
        return f.toString();
    }
}
