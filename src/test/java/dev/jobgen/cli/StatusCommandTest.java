package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.history.RunRecordJson;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** jobgen status through the real CLI: history files, exit code, metrics. */
class StatusCommandTest {
    private final CliHarness cli = new CliHarness();
    private static final String CATALOGUE = """
            jobgen: 1
            jobs:
              good:
                command: [/bin/true]
                schedule: "*-*-* 11:00:00"
                lock: node
              bad:
                command: [/bin/false]
                schedule: "*-*-* 11:00:00"
                lock: node
            """;

    private void history(String job, String... lines) {
        cli.write("/state/" + job + "/runs.jsonl", String.join("\n", lines) + "\n");
    }

    private static String run(String job, String start, Outcome outcome) {
        Instant s = Instant.parse(start);
        return RunRecordJson.toJson(new RunRecord("r-" + start, job, Optional.empty(), s, s.plusSeconds(5), 1, outcome,
                outcome == Outcome.SUCCESS ? 0 : 3, "node1"));
    }

    @Test
    void failingJobMakesStatusExitOneAndWritesMetrics() throws Exception {
        cli.write("/c.yaml", CATALOGUE);
        history("good", run("good", "2026-06-01T11:00:01Z", Outcome.SUCCESS));
        history("bad", run("bad", "2026-06-01T11:00:01Z", Outcome.FAILED));
        CliHarness.Result r = cli.run("status", "/c.yaml", "--state-root", "/state", "--metrics-dir", "/metrics");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("good ") && l.contains(" OK ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bad ") && l.contains(" FAILING ") && l.contains("1 consecutive failure")), r.out());
        String metrics = Files.readString(cli.fs.getPath("/metrics").resolve(
                Files.list(cli.fs.getPath("/metrics")).filter(p -> p.toString().contains("bad")).findFirst().orElseThrow().getFileName().toString()));
        assertTrue(metrics.contains("jobgen_consecutive_failures{job=\"bad\"} 1"), metrics);

        history("bad", run("bad", "2026-06-01T11:00:01Z", Outcome.FAILED), run("bad", "2026-06-01T11:30:00Z", Outcome.SUCCESS));
        assertEquals(0, cli.run("status", "/c.yaml", "--state-root", "/state").exit());
    }

    @Test
    void aMetricsDirThatIsAFileIsOneLineNotAnInternalError() {
        cli.write("/c.yaml", CATALOGUE);
        cli.write("/metrics", "a file, not a directory\n");
        CliHarness.Result r = cli.run("status", "/c.yaml", "--state-root", "/state", "--metrics-dir", "/metrics");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("jobgen: status: --metrics-dir /metrics: not a directory. See 'jobgen status --help'.\n", r.err());
        CliHarness.Result under = cli.run("status", "/c.yaml", "--state-root", "/state", "--metrics-dir", "/metrics/prom");
        assertEquals(1, under.exit(), under.out() + under.err());
        assertEquals(1, under.err().lines().count(), under.err());
        assertTrue(under.err().startsWith("jobgen: /metrics/prom"), under.err());
    }

    @Test
    void theTableStaysAlignedWithLongJobNamesAndValues() {
        String longName = "nightly-warehouse-export-to-the-cold-storage-bucket";
        cli.write("/c.yaml", CATALOGUE + """
                  %s:
                    command: [/bin/true]
                    schedule: "*-*-* 11:00:00"
                    lock: node
                """.formatted(longName));
        history("good", run("good", "2026-06-01T11:00:01Z", Outcome.SUCCESS));
        history("bad", run("bad", "2026-06-01T11:00:01.123456Z", Outcome.SKIPPED_UNAVAILABLE), run("bad", "2026-06-01T11:30:00.5Z", Outcome.FAILED));
        history(longName, run(longName, "2026-05-31T11:00:00.654321Z", Outcome.SKIPPED_UNAVAILABLE));
        CliHarness.Result r = cli.run("status", "/c.yaml", "--state-root", "/state");
        java.util.List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        String header = lines.get(0);
        java.util.List<Integer> starts = java.util.stream.Stream.of("STATUS", "LAST RUN", "LAST SUCCESS", "NEXT", "NOTES")
                .map(header::indexOf).toList();
        assertTrue(starts.get(0) >= longName.length() + 2, header);
        for (String line : lines.subList(1, lines.size())) {
            for (int start : starts) {
                if (start == starts.get(starts.size() - 1) && line.length() <= start) {
                    continue; // no notes: the line ends after NEXT, without trailing spaces
                }
                // each cell begins exactly under its heading, after at least two spaces: cells hold single spaces only
                assertTrue(line.length() > start && line.charAt(start) != ' ' && line.startsWith("  ", start - 2),
                        "column at " + start + " out of line in\n" + r.out());
            }
        }
        assertTrue(lines.stream().noneMatch(l -> l.endsWith(" ")), r.out());
        assertTrue(r.out().contains("failed 2026-06-01T11:30:00.5Z"), r.out());
    }

    /** The catalogue's target decides the elapses: 247 goes from May 29th to June 8th, 252 fires on June 1st. */
    @Test
    void lateAsTheCatalogueTargetFires() {
        String catalogue = """
                jobgen: 1
                target: { systemd: %d }
                jobs: { weekly-ish: { command: [/bin/true], schedule: "*-*-1/7 06:00", timezone: UTC, lock: node } }
                """;
        cli.write("/247.yaml", catalogue.formatted(247));
        cli.write("/252.yaml", catalogue.formatted(252));
        history("weekly-ish", run("weekly-ish", "2026-05-29T06:00:01Z", Outcome.SUCCESS));
        CliHarness.Result old = cli.run("status", "/247.yaml", "--state-root", "/state");
        CliHarness.Result current = cli.run("status", "/252.yaml", "--state-root", "/state");
        assertEquals(0, old.exit(), old.out() + old.err());
        assertTrue(old.out().contains(" OK ") && old.out().contains("2026-06-08T06:00:00Z"), old.out());
        assertEquals(1, current.exit(), current.out() + current.err());
        assertTrue(current.out().contains(" LATE ") && current.out().contains("no run since the elapse at 2026-06-01T06:00:00Z"), current.out());
    }
}
