package dev.jobgen.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Several nodes (separate JVMs with their own state) racing for one period on a real PostgreSQL. */
@ExtendWith(SharedPostgres.class)
class ClusterRaceTest {
    @TempDir
    Path dir;

    @Test
    void tenRunnersOnThreeNodesRunThePeriodExactlyOnce(PostgresServer pg) throws Exception {
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Path ran = dir.resolve("ran");
        List<Process> runners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // empty database: the runners also race to create the schema
            runners.add(nodes.run(i % 3, "r" + i, "billing", List.of(), "echo $JOBGEN_RUN_ID $JOBGEN_PERIOD >> " + ran + "; sleep 0.3"));
        }
        for (int i = 0; i < runners.size(); i++) {
            assertTrue(runners.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, runners.get(i).exitValue(), nodes.stderr("r" + i));
        }
        List<String> lines = Files.readAllLines(ran, StandardCharsets.UTF_8);
        assertEquals(1, lines.size(), "exactly one child ran: " + lines);
        assertTrue(lines.get(0).endsWith(" " + ClusterNodes.PERIOD), lines.get(0));
        List<Outcome> local = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            local.addAll(nodes.outcomes(node));
        }
        assertEquals(1, Collections.frequency(local, Outcome.SUCCESS), local.toString());
        assertEquals(9, Collections.frequency(local, Outcome.SKIPPED_PEER), local.toString());
        String winner = lines.get(0).split(" ")[0];
        try (Connection c = connect(nodes)) {
            assertEquals(List.of("done " + winner + " 1"), rows(c, "SELECT state || ' ' || run_id || ' ' || claims FROM jobgen.periods"));
            assertEquals(List.of("skipped-peer 9", "success 1"),
                    rows(c, "SELECT outcome || ' ' || count(*) FROM jobgen.runs GROUP BY outcome ORDER BY outcome"));
            assertEquals(List.of("1"), rows(c, "SELECT string_agg(version::text, ',') FROM jobgen.schema_version"));
        }
    }

    @Test
    void killingTheWinnerMidRunLetsAnotherNodeTakeThePeriodOnce(PostgresServer pg) throws Exception {
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Path ran = dir.resolve("ran");
        Path childPid = dir.resolve("child.pid");
        Process a = nodes.run(0, "a", "settle", List.of(),
                "echo $$ > " + childPid + "; echo started-a >> " + ran + "; sleep 600; echo finished-a >> " + ran);
        awaitFile(childPid);

        // while the winner runs, a peer skips: the job is running elsewhere
        Process busy = nodes.run(1, "busy", "settle", List.of(), "echo busy >> " + ran);
        assertTrue(busy.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, busy.exitValue());
        assertTrue(nodes.stderr("busy").contains("running on another node"), nodes.stderr("busy"));

        a.destroyForcibly();   // SIGKILL: no finally blocks, the session just ends
        assertTrue(a.waitFor(30, TimeUnit.SECONDS));
        long pid = Long.parseLong(Files.readString(childPid).trim());
        new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor();   // the orphaned command's group

        // the lock is freed when the dead runner's session ends; the server notices at once on loopback
        Process b = nodes.run(1, "b", "settle", List.of("--on-busy", "wait", "20s"), "echo finished-b >> " + ran);
        assertTrue(b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, b.exitValue(), nodes.stderr("b"));
        assertTrue(nodes.stderr("b").contains("was left running by"), nodes.stderr("b"));
        Process late = nodes.run(2, "late", "settle", List.of(), "echo late >> " + ran);
        assertTrue(late.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, late.exitValue());
        assertTrue(nodes.stderr("late").contains("was done by"), nodes.stderr("late"));

        assertEquals(List.of("started-a", "finished-b"), Files.readAllLines(ran, StandardCharsets.UTF_8));
        assertEquals(List.of(Outcome.SKIPPED_PEER, Outcome.SUCCESS), nodes.outcomes(1));
        assertEquals(List.of(Outcome.SKIPPED_PEER), nodes.outcomes(2));
        try (Connection c = connect(nodes)) {
            assertEquals(List.of("done 2"), rows(c, "SELECT state || ' ' || claims FROM jobgen.periods WHERE job = 'settle'"));
            assertEquals(List.of("lost", "skipped-peer", "success", "skipped-peer"),
                    rows(c, "SELECT outcome FROM jobgen.runs WHERE job = 'settle' ORDER BY id"));
        }
    }

    @Test
    void theLockOutlivesTheServersIdleSessionTimeout(PostgresServer pg) throws Exception {
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        try (Connection c = connect(nodes); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET idle_session_timeout = '300ms'");
        }
        Path started = dir.resolve("started");
        Path go = dir.resolve("go");
        Process a = nodes.run(0, "a", "idle", List.of(), "touch " + started + "; while [ ! -e " + go + " ]; do sleep 0.05; done");
        awaitFile(started);
        Thread.sleep(1500);   // the holder's session idles past the server's timeout
        Process peer = nodes.run(1, "peer", "idle", List.of(), "touch " + dir.resolve("peer-ran"));
        assertTrue(peer.waitFor(60, TimeUnit.SECONDS));
        Files.createFile(go);
        assertTrue(a.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), nodes.stderr("a"));
        assertFalse(Files.exists(dir.resolve("peer-ran")), nodes.stderr("peer"));
        assertTrue(nodes.stderr("peer").contains("running on another node"), nodes.stderr("peer"));
    }

    @Test
    void plainRunsLoadNoJdbcWhileClusterRunsDo(PostgresServer pg) throws Exception {
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Process cluster = nodes.run(0, "cluster", List.of("-Xlog:class+load=info"), "loads", List.of(), "true");
        assertTrue(cluster.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cluster.exitValue(), nodes.stderr("cluster"));
        String clusterClasses = Files.readString(dir.resolve("cluster.out"));
        assertTrue(clusterClasses.contains("org.postgresql.Driver") && clusterClasses.contains("java.sql.Connection"));

        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", ClusterNodes.classPath(), "dev.jobgen.Main", "run", "--job", "plain",
                "--state-dir", dir.resolve("plain").toString(), "--lock", "node", "--lock-dir", dir.resolve("lock").toString(),
                "--idempotent", "period", "--schedule", ClusterNodes.SCHEDULE, "--", "true"));
        Process plain = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("plain.out").toFile()).start();
        assertTrue(plain.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, plain.exitValue());
        String plainClasses = Files.readString(dir.resolve("plain.out"));
        assertTrue(plainClasses.contains("dev.jobgen.runner.Runner "), "the log lists the runner's classes");
        for (String forbidden : List.of("java.sql.", "org.postgresql.", "dev.jobgen.runner.cluster.")) {
            assertFalse(plainClasses.contains(forbidden), "a plain run loaded " + forbidden);
        }
    }

    static Connection connect(ClusterNodes nodes) throws Exception {
        return ClusterConnector.of(new dev.jobgen.runspec.RunSpec.ClusterSettings(java.util.Optional.of(nodes.urlFile()),
                java.util.Optional.empty(), dev.jobgen.runspec.OnUnavailable.FAIL), java.util.Map.of()).connect();
    }

    static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    static void awaitFile(Path file) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), file + " never appeared");
    }
}
