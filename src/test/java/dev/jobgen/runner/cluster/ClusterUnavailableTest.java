package dev.jobgen.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --on-unavailable fail|run|skip}: the store down at start (a closed port, a server that
 * accepts and never answers), and a server of its own going away while the command runs.
 */
class ClusterUnavailableTest {
    /** Its own server (these tests stop it), started by the first test that needs it. */
    private static PostgresServer server;

    @TempDir
    Path dir;

    static PostgresServer pg() throws Exception {
        if (server == null) {
            server = PostgresServer.start();
        }
        if (!server.running()) {
            server.resume();
        }
        return server;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"fail, 75, unavailable, false", "run, 0, success, true", "skip, 0, skipped-unavailable, false"})
    void storeDownAtStart(String policy, int exit, String outcome, boolean childRuns) throws Exception {
        ClusterNodes nodes = new ClusterNodes(dir, "postgresql://jobgen@127.0.0.1:" + PostgresServer.freePort() + "/none");
        Path ran = dir.resolve("ran");
        Process p = nodes.run(0, "r", "report", List.of("--on-unavailable", policy), "touch " + ran);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(exit, p.exitValue(), nodes.stderr("r"));
        assertEquals(childRuns, Files.exists(ran));
        assertEquals(List.of(Outcome.ofId(outcome)), nodes.outcomes(0));
        assertTrue(nodes.stderr("r").contains("cluster store unavailable"), nodes.stderr("r"));
    }

    @Test
    void aServerThatNeverAnswersCostsTheLoginTimeoutNotAHang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ClusterNodes nodes = new ClusterNodes(dir,
                    "postgresql://jobgen@127.0.0.1:" + silent.getLocalPort() + "/db?connect_timeout=2&loginTimeout=2&socketTimeout=2");
            Process p = nodes.run(0, "r", "report", List.of(), "touch " + dir.resolve("ran"));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runner gave up on its own");
            assertEquals(75, p.exitValue(), nodes.stderr("r"));
            assertFalse(Files.exists(dir.resolve("ran")));
            assertFalse(accepted.isEmpty(), "the runner did reach the silent server");
        }
    }

    /** The server stops while the command runs; the command is never killed for it. */
    @ParameterizedTest
    @CsvSource({"fail, 75, unavailable", "run, 0, success", "skip, 0, success"})
    void storeGoneMidRun(String policy, int exit, String outcome) throws Exception {
        PostgresServer pg = pg();
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Path started = dir.resolve("started");
        Path go = dir.resolve("go");
        Process p = nodes.run(0, "r", "ledger", List.of("--on-unavailable", policy),
                "touch " + started + "; while [ ! -e " + go + " ]; do sleep 0.05; done");
        ClusterRaceTest.awaitFile(started);
        pg.stop();
        Files.createFile(go);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(exit, p.exitValue(), nodes.stderr("r"));
        assertEquals(List.of(Outcome.ofId(outcome)), nodes.outcomes(0));
        assertTrue(nodes.stderr("r").contains("cannot record the run in the cluster store"), nodes.stderr("r"));
        pg.resume();
        try (Connection c = ClusterRaceTest.connect(nodes)) {
            assertEquals(List.of("running"), ClusterRaceTest.rows(c, "SELECT state FROM jobgen.periods"),
                    "never marked done: the next node may run the period again");
        }
    }

    @Test
    void storeRestartedMidRunStillGetsThePeriodMarkedDone() throws Exception {
        PostgresServer pg = pg();
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Path started = dir.resolve("started");
        Path go = dir.resolve("go");
        Process p = nodes.run(0, "r", "ledger", List.of(), "touch " + started + "; while [ ! -e " + go + " ]; do sleep 0.05; done");
        ClusterRaceTest.awaitFile(started);
        pg.stop();
        pg.resume();
        Files.createFile(go);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), nodes.stderr("r"));
        Process late = nodes.run(1, "late", "ledger", List.of(), "touch " + dir.resolve("ran-again"));
        assertTrue(late.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, late.exitValue(), nodes.stderr("late"));
        assertFalse(Files.exists(dir.resolve("ran-again")), "the period was recorded done on a new session");
        assertEquals(List.of(Outcome.SKIPPED_PEER), nodes.outcomes(1));
    }

    @Test
    void aLocalStampRecordsThePeriodDoneWhenTheStoreIsBack() throws Exception {
        PostgresServer pg = pg();
        ClusterNodes nodes = new ClusterNodes(dir, pg.createDatabase());
        Path started = dir.resolve("started");
        Path go = dir.resolve("go");
        List<String> flags = List.of("--idempotent", "period", "--on-unavailable", "run");
        Process p = nodes.run(0, "r", "ledger", flags, "echo ran >> " + dir.resolve("ran") + "; touch " + started
                + "; while [ ! -e " + go + " ]; do sleep 0.05; done");
        ClusterRaceTest.awaitFile(started);
        pg.stop();
        Files.createFile(go);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), nodes.stderr("r"));
        pg.resume();

        Process again = nodes.run(0, "again", "ledger", flags, "echo ran >> " + dir.resolve("ran"));
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), nodes.stderr("again"));
        Process peer = nodes.run(1, "peer", "ledger", flags, "echo ran >> " + dir.resolve("ran"));
        assertTrue(peer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, peer.exitValue(), nodes.stderr("peer"));

        assertEquals(List.of("ran"), Files.readAllLines(dir.resolve("ran")));
        assertEquals(List.of(Outcome.SUCCESS, Outcome.SKIPPED_DONE), nodes.outcomes(0));
        assertEquals(List.of(Outcome.SKIPPED_PEER), nodes.outcomes(1));
        try (Connection c = ClusterRaceTest.connect(nodes)) {
            assertEquals(List.of("done"), ClusterRaceTest.rows(c, "SELECT state FROM jobgen.periods"));
        }
    }
}
