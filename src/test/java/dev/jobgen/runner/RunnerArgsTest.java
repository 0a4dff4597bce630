package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.runspec.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunnerArgsTest {
    static RunnerConfig parse(String... args) throws UsageException {
        return RunnerArgs.parse(List.of(args), Map.of());
    }

    static String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        RunnerConfig c = parse("--job", "nightly", "--", "/bin/echo", "--job", "x");
        assertEquals("nightly", c.job());
        assertEquals(Path.of("/var/lib/jobgen/nightly"), c.stateDir());
        assertEquals(Path.of("/run/lock/jobgen"), c.lockDir());
        assertEquals(new LockScope.None(), c.lock());
        assertEquals(OnBusy.skip(), c.onBusy());
        assertEquals(Optional.empty(), c.timeout());
        assertEquals(Duration.ofSeconds(10), c.killGrace());
        assertEquals(RetryPolicy.once(), c.retry());
        assertEquals(10240, c.logTail());
        assertEquals(List.of("/bin/echo", "--job", "x"), c.command(), "flags after -- belong to the command");
    }

    @Test
    void maxBusySkipsDefaultsToThreeAndKeepsTheOnBusyWait() throws Exception {
        assertEquals(OnBusy.DEFAULT_MAX_BUSY_SKIPS, parse("--job", "j", "--", "true").onBusy().maxBusySkips());
        RunnerConfig c = parse("--job", "j", "--max-busy-skips", "0", "--on-busy", "wait", "5s", "--", "true");
        assertEquals(new OnBusy(java.time.Duration.ofSeconds(5), 0), c.onBusy());
        assertTrue(error("--job", "j", "--max-busy-skips", "-1", "--", "true").contains("--max-busy-skips: '-1' is not a whole number"));
    }

    @Test
    void stateDirectoryFromSystemd() throws Exception {
        RunnerConfig c = RunnerArgs.parse(List.of("--job", "j", "--", "true"), Map.of("STATE_DIRECTORY", "/var/lib/a:/var/lib/b"));
        assertEquals(Path.of("/var/lib/a"), c.stateDir());
        RunnerConfig explicit = RunnerArgs.parse(List.of("--job", "j", "--state-dir=/x", "--", "true"), Map.of("STATE_DIRECTORY", "/y"));
        assertEquals(Path.of("/x"), explicit.stateDir());
    }

    @Test
    void locksHeartbeatsAndRetryFlags() throws Exception {
        RunnerConfig c = parse("--job", "j", "--lock", "group", "db-maint", "--attempts", "3", "--backoff", "2.5",
                "--permanent-exit-codes", "2,78", "--heartbeat", "url", "--heartbeat-credential", "hb",
                "--heartbeat-start-url", "http://m/start/{job}", "--log-tail", "100", "--metrics-dir", "/m", "--force",
                "--idempotent", "period", "--schedule", "*-*-* 02:00:00 Europe/Berlin", "--schedule", "Mon *-*-* 03:00", "--", "x");
        assertEquals(new LockScope.Group("db-maint"), c.lock());
        assertEquals(3, c.retry().attempts());
        assertEquals(2.5, c.retry().backoff());
        assertEquals(Set.of(2, 78), c.retry().permanent());
        assertEquals(HeartbeatConfig.Provider.url, c.heartbeat().get().provider());
        assertEquals(HeartbeatConfig.UrlSource.Kind.credential, c.heartbeat().get().url().kind());
        assertEquals(Optional.of("http://m/start/{job}"), c.heartbeat().get().startTemplate());
        assertEquals(100, c.logTail());
        assertEquals(Optional.of(Path.of("/m")), c.metricsDir());
        assertTrue(c.force());
        assertTrue(c.idempotent());
        assertEquals(List.of("*-*-* 02:00:00 Europe/Berlin", "Mon *-*-* 03:00"), c.schedules());
        assertEquals(new LockScope.Node("j"), parse("--lock", "node", "--job", "j", "--", "x").lock(), "--lock node before --job");
    }

    @Test
    void clusterFlagsAreParsedForTheCoordinator() throws Exception {
        RunnerConfig c = parse("--job", "j", "--lock", "cluster", "--cluster-url-file", "/etc/jobgen/cluster.url",
                "--on-unavailable", "skip", "--", "x");
        assertEquals(new LockScope.Cluster(), c.lock());
        assertEquals(Optional.of(Path.of("/etc/jobgen/cluster.url")), c.cluster().urlFile());
        assertEquals(RunnerConfig.OnUnavailable.skip, c.cluster().onUnavailable());
    }

    @Test
    void mistakesAreOneClearLine() {
        assertEquals("unknown flag '--jobb'", error("--jobb", "x", "--", "y"));
        assertEquals("--job NAME is required", error("--", "y"));
        assertEquals("missing command: put it after '--'", error("--job", "j"));
        assertEquals("missing command: put it after '--'", error("--job", "j", "--"));
        assertEquals("--lock: 'nod' is not one of node, group, cluster, none", error("--job", "j", "--lock", "nod", "--", "y"));
        assertEquals("--lock group needs a group name", error("--job", "j", "--lock", "group"));
        assertEquals("--attempts: '0' is not a whole number from 1 to 1000", error("--job", "j", "--attempts", "0", "--", "y"));
        assertEquals("--permanent-exit-codes: '300' is not a whole number from 0 to 255",
                error("--job", "j", "--permanent-exit-codes", "2,300", "--", "y"));
        assertEquals("--idempotent period needs at least one --schedule", error("--job", "j", "--idempotent", "period", "--", "y"));
        assertEquals("--heartbeat needs one of --heartbeat-url, --heartbeat-url-file, --heartbeat-credential",
                error("--job", "j", "--heartbeat", "healthchecks", "--", "y"));
        assertEquals("--heartbeat-start-url and --heartbeat-failure-url are for --heartbeat url",
                error("--job", "j", "--heartbeat", "cronitor", "--heartbeat-url", "http://x", "--heartbeat-start-url", "http://y", "--", "z"));
        assertEquals("--cluster-url-file, --cluster-credential and --on-unavailable need --lock cluster",
                error("--job", "j", "--on-unavailable", "run", "--", "y"));
        assertEquals("--lock cluster needs --cluster-url-file PATH or --cluster-credential NAME",
                error("--job", "j", "--lock", "cluster", "--", "y"));
        assertEquals("--force takes no value", error("--job", "j", "--force=yes", "--", "y"));
        assertEquals("--job needs a value", error("--job", "--", "y"));
        assertEquals("unexpected argument 'y' (the command goes after '--')", error("--job", "j", "y"));
    }

    @Test
    void spans() throws Exception {
        RunnerConfig c = parse("--job", "j", "--timeout", "2h", "--kill-grace", "30s", "--retry-delay", "1min 30s",
                "--max-delay", "10m", "--on-busy", "wait", "5min", "--", "x");
        assertEquals(Optional.of(Duration.ofHours(2)), c.timeout());
        assertEquals(Duration.ofSeconds(30), c.killGrace());
        assertEquals(Duration.ofSeconds(90), c.retry().delay());
        assertEquals(Optional.of(Duration.ofMinutes(10)), c.retry().maxDelay());
        assertEquals(new OnBusy(Duration.ofMinutes(5)), c.onBusy());
        assertEquals(Optional.empty(), parse("--job", "j", "--timeout", "infinity", "--", "x").timeout());
        assertTrue(error("--job", "j", "--timeout", "2 fortnights", "--", "x").startsWith("--timeout: '2 fortnights' is not a time span"));
        // waits count in long nanoseconds: a longer span is capped rather than overflowing them
        assertEquals(Optional.of(Duration.ofNanos(Long.MAX_VALUE / 1000 * 1000)), parse("--job", "j", "--timeout", "300y", "--", "x").timeout());
    }
}
