package dev.jobgen.runspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.runspec.HeartbeatSpec.UrlSource;
import dev.jobgen.time.TimeSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunArgsTest {
    static RunSpec parse(String... args) throws UsageException {
        return RunArgs.read(List.of(args));
    }

    static String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        RunSpec c = parse("--job", "nightly", "--", "/bin/echo", "--job", "x");
        assertEquals("nightly", c.job());
        assertEquals(Path.of("/var/lib/jobgen/nightly"), c.stateDirIn(Map.of()));
        assertEquals(Path.of("/run/lock/jobgen"), c.lockDir());
        assertEquals(new LockSpec.None(), c.lock());
        assertEquals(OnBusy.SKIP, c.onBusy());
        assertEquals(Duration.ZERO, c.onBusy().maxWait());
        assertEquals(3, c.maxBusySkips());
        assertEquals(Optional.empty(), c.timeLimit());
        assertEquals(Duration.ofSeconds(10), c.killGraceTime());
        assertEquals(RetryPolicy.NONE, c.retry());
        assertEquals(10240, c.logTail());
        assertEquals(List.of("/bin/echo", "--job", "x"), c.command(), "flags after -- belong to the command");
        assertEquals(List.of("jobgen", "run", "--job", "nightly", "--", "/bin/echo", "--job", "x"), RunArgs.write("jobgen", c),
                "defaults are not written");
    }

    @Test
    void maxBusySkipsDefaultsToThreeAndKeepsTheOnBusyWait() throws Exception {
        RunSpec c = parse("--job", "j", "--max-busy-skips", "0", "--on-busy", "wait", "5s", "--", "true");
        assertEquals(0, c.maxBusySkips());
        assertEquals(Duration.ofSeconds(5), c.onBusy().maxWait());
        assertTrue(error("--job", "j", "--max-busy-skips", "-1", "--", "true").contains("--max-busy-skips: '-1' is not a whole number"));
    }

    @Test
    void stateDirectoryFromSystemd() throws Exception {
        RunSpec c = RunArgs.read(List.of("--job", "j", "--", "true"));
        assertEquals(Path.of("/var/lib/a"), c.stateDirIn(Map.of("STATE_DIRECTORY", "/var/lib/a:/var/lib/b")));
        RunSpec explicit = RunArgs.read(List.of("--job", "j", "--state-dir=/x", "--", "true"));
        assertEquals(Path.of("/x"), explicit.stateDirIn(Map.of("STATE_DIRECTORY", "/y")));
    }

    @Test
    void locksHeartbeatsAndRetryFlags() throws Exception {
        RunSpec c = parse("--job", "j", "--lock", "group", "db-maint", "--attempts", "3", "--backoff", "2.5",
                "--permanent-exit-codes", "2,78", "--heartbeat", "url", "--heartbeat-credential", "hb",
                "--heartbeat-start-url", "http://m/start/{job}", "--log-tail", "100", "--metrics-dir", "/m", "--force",
                "--idempotent", "period", "--schedule", "*-*-* 02:00:00 Europe/Berlin", "--schedule", "Mon *-*-* 03:00", "--", "x");
        assertEquals(new LockSpec.Group("db-maint"), c.lock());
        assertEquals(3, c.retry().attempts());
        assertEquals(2.5, c.retry().backoff());
        assertEquals(List.of(2, 78), c.permanentExitCodes());
        assertEquals(HeartbeatProvider.URL, c.heartbeat().get().provider());
        assertEquals(UrlSource.Kind.credential, c.heartbeat().get().url().kind());
        assertEquals(Optional.of("http://m/start/{job}"), c.heartbeat().get().startTemplate());
        assertEquals(100, c.logTail());
        assertEquals(Optional.of(Path.of("/m")), c.metricsDir());
        assertTrue(c.force());
        assertTrue(c.idempotent());
        assertEquals(List.of("*-*-* 02:00:00 Europe/Berlin", "Mon *-*-* 03:00"), c.schedules());
        assertEquals(new LockSpec.Node(), parse("--lock", "node", "--job", "j", "--", "x").lock(), "--lock node before --job");
    }

    @Test
    void clusterFlagsAreParsedForTheCoordinator() throws Exception {
        RunSpec c = parse("--job", "j", "--lock", "cluster", "--cluster-url-file", "/etc/jobgen/cluster.url",
                "--on-unavailable", "skip", "--", "x");
        assertEquals(new LockSpec.Cluster(), c.lock());
        assertEquals(Optional.of(Path.of("/etc/jobgen/cluster.url")), c.cluster().urlFile());
        assertEquals(OnUnavailable.SKIP, c.cluster().onUnavailable());
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
        assertEquals("--heartbeat: 'pingdom' is not one of healthchecks, cronitor, url", error("--job", "j", "--heartbeat", "pingdom", "--", "y"));
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
        RunSpec c = parse("--job", "j", "--timeout", "2h", "--kill-grace", "30s", "--retry-delay", "1min 30s",
                "--max-delay", "10m", "--on-busy", "wait", "5min", "--", "x");
        assertEquals(Optional.of(Duration.ofHours(2)), c.timeLimit());
        assertEquals(Duration.ofSeconds(30), c.killGraceTime());
        assertEquals(TimeSpan.ofSeconds(90), c.retry().delay());
        assertEquals(Optional.of(TimeSpan.ofSeconds(600)), c.retry().maxDelay());
        assertEquals(Duration.ofMinutes(5), c.onBusy().maxWait());
        assertEquals(Optional.empty(), parse("--job", "j", "--timeout", "infinity", "--", "x").timeLimit());
        assertTrue(error("--job", "j", "--timeout", "2 fortnights", "--", "x").startsWith("--timeout: '2 fortnights' is not a time span"));
        // waits count in long nanoseconds: a longer span is capped rather than overflowing them
        assertEquals(Optional.of(Duration.ofNanos(Long.MAX_VALUE / 1000 * 1000)), parse("--job", "j", "--timeout", "300y", "--", "x").timeLimit());
    }

    /** A spec away from every default, so that each flag of the table is written and must read back. */
    static RunSpec everyFlag(HeartbeatSpec heartbeat, RunSpec.ClusterSettings cluster, LockSpec lock) {
        RunSpec.Builder s = RunSpec.builder("every-flag", List.of("/bin/sh", "-c", "echo \"$1\" --job", "--", "a b"));
        s.stateDir = Optional.of(Path.of("/srv/state dir"));
        s.lock = lock;
        s.lockDir = Path.of("/run/lock/jobgen/user-backup");
        s.onBusy = new OnBusy(Optional.of(TimeSpan.ofSeconds(90)));
        s.maxBusySkips = 0;
        s.cluster = cluster;
        s.idempotent = true;
        s.schedules = List.of("Mon..Fri *-*-* 02:00:00 Europe/Berlin", "hourly");
        s.force = true;
        s.timeout = new TimeSpan(5_400_000_123L);
        s.killGrace = new TimeSpan(1_500_000L);
        s.retry = new RetryPolicy(4, TimeSpan.ZERO, 1.5, Optional.of(TimeSpan.ofSeconds(3600)));
        s.permanentExitCodes = List.of(78, 2);
        s.heartbeat = Optional.of(heartbeat);
        s.logTail = 0;
        s.metricsDir = Optional.of(Path.of("/var/lib/node_exporter"));
        return s.build();
    }

    @Test
    void everyFlagOfTheTableIsWrittenAndReadBack() throws Exception {
        List<RunSpec> specs = List.of(
                everyFlag(new HeartbeatSpec(HeartbeatProvider.URL, new UrlSource(UrlSource.Kind.literal, "https://m/ok?x=1%202"),
                        Optional.of("https://m/start/{job}"), Optional.of("https://m/fail/{exit_code}")),
                        new RunSpec.ClusterSettings(Optional.of(Path.of("/etc/jobgen/cluster.url")), Optional.empty(), OnUnavailable.RUN),
                        new LockSpec.Cluster()),
                everyFlag(new HeartbeatSpec(HeartbeatProvider.HEALTHCHECKS, new UrlSource(UrlSource.Kind.file, "/etc/hc.url"),
                        Optional.empty(), Optional.empty()),
                        new RunSpec.ClusterSettings(Optional.empty(), Optional.of("cluster-url"), OnUnavailable.SKIP), new LockSpec.Cluster()),
                everyFlag(new HeartbeatSpec(HeartbeatProvider.CRONITOR, new UrlSource(UrlSource.Kind.credential, "heartbeat-url"),
                        Optional.empty(), Optional.empty()), RunSpec.ClusterSettings.NONE, new LockSpec.Group("db")),
                everyFlag(new HeartbeatSpec(HeartbeatProvider.CRONITOR, new UrlSource(UrlSource.Kind.credential, "heartbeat-url"),
                        Optional.empty(), Optional.empty()), RunSpec.ClusterSettings.NONE, new LockSpec.Node()));
        Set<RunFlag> written = EnumSet.noneOf(RunFlag.class);
        for (RunSpec spec : specs) {
            List<String> argv = RunArgs.write("/usr/bin/jobgen", spec);
            assertEquals(spec, RunArgs.read(argv.subList(2, argv.size())), String.join(" ", argv));
            for (String word : argv.subList(0, argv.indexOf("--"))) {
                for (RunFlag f : RunFlag.values()) {
                    if (f.flag().equals(word)) {
                        written.add(f);
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(RunFlag.class), written, "a flag of the table that no round trip exercises");
    }

    @Test
    void theUsageListsEveryFlagOfTheTable() {
        String usage = RunFlag.usage();
        for (RunFlag f : RunFlag.values()) {
            assertTrue(usage.contains("\n  " + f.flag() + (f.takesValue() ? " " : "  ")), f.flag() + " missing from --help");
        }
        assertTrue(usage.startsWith("Usage: jobgen run --job NAME [flags] -- COMMAND [ARGS...]\n"));
    }
}
