package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the translation against the real systemd on this machine, independently of our own
 * calendar engine: {@code systemd-analyze calendar} must print our lines back as their normalized
 * form, and its next elapses must be exactly the minutes the crontab(5) oracle fires (in
 * Europe/Berlin: each wall-clock time once, at its first occurrence; see src/docs/cron.md).
 */
class CronTranslatorSystemdTest {
    private static final int ITERATIONS = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @BeforeAll
    static void needsSystemdAnalyze() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
                "systemd-analyze is not installed: cannot compare with the real systemd");
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "UTC, 2028-01-01T00:00:00Z",
        "Europe/Berlin, 2028-03-20T00:00:00Z",
        "Europe/Berlin, 2028-10-25T00:00:00Z",
    })
    void systemdElapsesExactlyWhenCronFires(String zoneName, String from) throws Exception {
        ZoneId zone = ZoneId.of(zoneName);
        Instant base = Instant.parse(from);
        MinuteTable table = new MinuteTable(zone, base, base.plusSeconds(366L * 86400));
        List<String> corpus = CronEquivalence.corpus();
        List<List<String>> linesPerCron = new ArrayList<>();
        List<String> allLines = new ArrayList<>();
        for (String cron : corpus) {
            // the node's zone via TZ rather than a suffix: systemd then computes in-process (a suffix
            // makes it fork per computation, which is slow and, in large batches, fails with EDEADLK)
            List<String> lines = CronEquivalence.lines(cron, ZoneId.of("UTC"));
            linesPerCron.add(lines);
            allLines.addAll(lines);
        }
        List<Block> blocks = systemdAnalyze(zone, base, allLines);
        assertEquals(allLines.size(), blocks.size(), "one block per expression from systemd-analyze");

        CronEquivalence eq = new CronEquivalence();
        int next = 0;
        for (int c = 0; c < corpus.size(); c++) {
            BitSet calendar = new BitSet();
            int limit = table.size();
            for (String line : linesPerCron.get(c)) {
                Block block = blocks.get(next++);
                if (!block.normalized.equals(line)) {
                    eq.fail("'" + corpus.get(c) + "': we wrote '" + line + "', systemd normalizes to '" + block.normalized + "'");
                }
                for (Instant t : block.elapses) {
                    int i = table.indexOf(t);
                    if (i >= 0) {
                        calendar.set(i);
                    } else if (t.isBefore(table.instant(table.size() - 1))) {
                        eq.fail("'" + line + "' elapses off the minute at " + t);
                    }
                }
                if (block.elapses.size() == ITERATIONS) {
                    // beyond this line's last listed elapse we do not know what systemd does
                    limit = Math.min(limit, table.indexOf(block.elapses.get(ITERATIONS - 1)) + 1);
                }
            }
            eq.compare(corpus.get(c), linesPerCron.get(c), table, calendar,
                    table.cronMinutes(new CrontabEvaluator(corpus.get(c)), true), Math.max(limit, 0));
        }
        assertEquals("", eq.report());
        assertEquals(corpus.size(), eq.checked());
    }

    /** "Iter. #2: Sat 2028-01-01 02:00:00 UTC" (only ever read in UTC). */
    private static Instant stamp(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).strip().split(" ");
        return LocalDateTime.parse(parts[1] + " " + parts[2], STAMP).toInstant(ZoneOffset.UTC);
    }

    private record Block(String normalized, List<Instant> elapses) {}

    @Test
    void zoneSuffixIsHonoured() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant base = Instant.parse("2028-03-20T00:00:00Z");
        MinuteTable table = new MinuteTable(berlin, base, base.plusSeconds(40L * 86400));
        List<String> crons = List.of("30 2 * * *", "0 9 1 * 5", "*/20 1-3 * * 0");
        CronEquivalence eq = new CronEquivalence();
        for (String cron : crons) {
            List<String> lines = CronEquivalence.lines(cron, berlin);
            BitSet calendar = new BitSet();
            int limit = table.size();
            for (Block block : systemdAnalyze(ZoneId.of("UTC"), base, lines)) {
                assertEquals(true, block.normalized.endsWith(" Europe/Berlin"), block.normalized);
                block.elapses.stream().mapToInt(table::indexOf).filter(i -> i >= 0).forEach(calendar::set);
                if (block.elapses.size() == ITERATIONS) {
                    limit = Math.min(limit, table.indexOf(block.elapses.get(ITERATIONS - 1)) + 1);
                }
            }
            eq.compare(cron, lines, table, calendar, table.cronMinutes(new CrontabEvaluator(cron), true), limit);
        }
        assertEquals("", eq.report());
    }

    private static List<Block> systemdAnalyze(ZoneId zone, Instant base, List<String> expressions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "calendar",
                "--base-time=@" + (base.getEpochSecond() - 1), "--iterations=" + ITERATIONS));
        cmd.addAll(expressions);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TZ", zone.getId());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("SYSTEMD_COLORS", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        assertEquals(0, status, "systemd-analyze failed:\n" + out.lines().filter(l -> l.contains("ailed")).toList());
        List<Block> blocks = new ArrayList<>();
        String normalized = null;
        List<Instant> elapses = new ArrayList<>();
        for (String raw : out.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Normalized form:")) {
                if (normalized != null) {
                    blocks.add(new Block(normalized, elapses));
                }
                normalized = line.substring("Normalized form:".length()).strip();
                elapses = new ArrayList<>();
            } else if ((line.startsWith("Next elapse:") || line.startsWith("Iter. #")) && !line.endsWith("never")) {
                elapses.add(stamp(line));
            } else if (line.startsWith("(in UTC):")) {
                elapses.set(elapses.size() - 1, stamp(line)); // the local stamp above it is ambiguous
            }
        }
        if (normalized != null) {
            blocks.add(new Block(normalized, elapses));
        }
        return blocks;
    }
}
