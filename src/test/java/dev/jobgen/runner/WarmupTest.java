package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Warmup}: a failing step is harmless and the rest still run, and a runner with its
 * warm-ups ends every kind of run exactly as one with them turned off.
 */
class WarmupTest {
    @TempDir
    Path dir;

    /** Set by {@link Recorder}'s initialiser: proof that a step after the failing ones ran. */
    static volatile boolean recorded;

    static final class Recorder {
        static {
            recorded = true;
        }

        private Recorder() {}
    }

    static final class Exploding {
        static {
            if (Boolean.TRUE) {
                throw new IllegalStateException("boom");
            }
        }

        private Exploding() {}
    }

    @Test
    void failingStepsAreSwallowedAndLaterStepsStillRun() {
        recorded = false;
        new Warmup(List.of("class:no.such.Clazz", "class:" + Exploding.class.getName(), "url:not a url", "url:nosuch://x",
                "something else", "class:" + Recorder.class.getName())).run();
        assertTrue(recorded, "the step after the failures ran");
    }

    @Test
    void theRealStepsRunCleanlyInThisJdk() {
        // each step must name something that exists here: a typo would turn the warm-up into a silent no-op
        for (String step : concat(Warmup.SPAWN, Warmup.PING)) {
            if (step.startsWith("class:")) {
                assertTrue(classExists(step.substring(6)), step);
            } else {
                assertTrue(step.startsWith("url:"), step);
                assertEquals(step.substring(4), java.net.URI.create(step.substring(4)).toString());
            }
        }
    }

    @Test
    void aHeartbeatFlagBeforeTheCommandPutsThePingStepsFirst() {
        assertEquals(Warmup.SPAWN, Warmup.stepsFor(new String[] {"run", "--job", "x", "--lock", "node", "--", "true"}));
        assertEquals(Warmup.SPAWN, Warmup.stepsFor(new String[] {"run", "--job", "x", "--", "prog", "--heartbeat", "url"}));
        for (String flag : List.of("--heartbeat", "--heartbeat-url-file", "--heartbeat-url=http://x/")) {
            assertEquals(concat(Warmup.PING, Warmup.SPAWN), Warmup.stepsFor(new String[] {"run", "--job", "x", flag, "--", "true"}));
        }
    }

    @Test
    void theSwitchTurnsWarmupsOff() {
        String before = System.getProperty("jobgen.runner.warmup");
        try {
            System.setProperty("jobgen.runner.warmup", "false");
            assertFalse(Warmup.start("test-warmup", List.of()));
            System.setProperty("jobgen.runner.warmup", "true");
            assertTrue(Warmup.start("test-warmup", List.of()));
        } finally {
            if (before == null) {
                System.clearProperty("jobgen.runner.warmup");
            } else {
                System.setProperty("jobgen.runner.warmup", before);
            }
        }
    }

    /** Each command ends with the same exit status, outcome, output and pings whether or not the warm-ups run. */
    @Test
    void warmupsNeverChangeTheOutcomeOrExitStatus() throws Exception {
        try (PingServer server = new PingServer(PingServer.Behaviour.ok())) {
            List<String> scripts = List.of("exit 0", "exit 3", "kill -KILL $$", "echo out; echo err >&2; exit 1");
            for (int i = 0; i < scripts.size(); i++) {
                List<String> with = run(server, "on" + i, List.of(), scripts.get(i));
                List<String> without = run(server, "off" + i, List.of("-Djobgen.runner.warmup=false"), scripts.get(i));
                assertEquals(without, with, scripts.get(i));
            }
            // and a command that cannot start at all
            assertEquals(run(server, "offnocmd", List.of("-Djobgen.runner.warmup=false"), null),
                    run(server, "onnocmd", List.of(), null));
        }
    }

    /**
     * Runs the runner (job {@code name}, pinging {@code server}) around {@code script}, or a missing
     * program when null: exit status, outcome, recorded exit code, stdout and the pings it sent.
     */
    private List<String> run(PingServer server, String name, List<String> jvmOptions, String script) throws Exception {
        List<String> args = new ArrayList<>(List.of("--job", name, "--state-dir", dir.resolve(name).toString(),
                "--lock-dir", dir.resolve("lock").toString(), "--lock", "node", "--heartbeat", "healthchecks",
                "--heartbeat-url", server.url("/" + name), "--"));
        if (script == null) {
            args.add(dir.resolve("no-such-program").toString());
        } else {
            args.addAll(List.of("/bin/sh", "-c", script));
        }
        int before = server.requests().size();
        Process p = RunnerProcess.start(dir, name, jvmOptions, args);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        RunRecord r = HistoryReader.read(dir.resolve(name)).get(0);
        List<String> pings = new ArrayList<>();
        for (PingServer.Request q : server.requests().subList(before, server.requests().size())) {
            // the run id differs from run to run; the path after the job name says start, success or failure
            pings.add(q.method() + " " + q.pathAndQuery().replaceFirst("^/" + name, "").replaceFirst("\\?.*$", ""));
        }
        return List.of(Integer.toString(p.exitValue()), r.outcome().id(), Integer.toString(r.exitCode()),
                Files.readString(dir.resolve(name + ".out")), pings.toString());
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, WarmupTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
