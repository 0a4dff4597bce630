package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jobgen calendar --systemd-version N} and {@code jobgen timespan} print, byte for byte, the
 * text the real {@code systemd-analyze} N printed for the same question (recorded by
 * src/test/matrix/record-conformance.sh into src/test/resources/conformance/N/text.txt, without
 * the "From now:" lines, which depend on the clock).
 */
class RecordedTextLayoutTest {
    private static final Path TABLES = GoldenFiles.projectDir().resolve("src/test/resources/conformance");
    private static final Pattern CALENDAR = Pattern.compile("### calendar (\\S+) --base-time=(\\S+) --iterations=(\\d+) -- (.*)");
    private static final Pattern TIMESPAN = Pattern.compile("### timespan (.*)");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** One recorded question: its header line and systemd's output. */
    record Sample(String version, String header, String expected) {}

    @TestFactory
    Stream<DynamicTest> jobgenPrintsWhatEachSystemdPrinted() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TABLES)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("text.txt"))).sorted().toList()) {
                samples.addAll(samples(dir.getFileName().toString(), Files.readAllLines(dir.resolve("text.txt"), StandardCharsets.UTF_8)));
            }
        }
        assertFalse(samples.isEmpty(), "no text.txt under " + TABLES);
        return samples.stream().map(s -> DynamicTest.dynamicTest("systemd " + s.version() + " " + s.header(),
                () -> assertEquals(s.expected(), jobgen(s))));
    }

    private static List<Sample> samples(String version, List<String> lines) {
        List<Sample> out = new ArrayList<>();
        String header = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("### ")) {
                if (header != null) {
                    out.add(new Sample(version, header, body.toString()));
                }
                header = line;
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (header != null) {
            out.add(new Sample(version, header, body.toString()));
        }
        return out;
    }

    private static String jobgen(Sample s) {
        Matcher c = CALENDAR.matcher(s.header());
        if (c.matches()) {
            CliRun r = CliRun.of(CLOCK, Map.of("TZ", c.group(1)), "calendar", "--systemd-version", s.version(),
                    "--base-time", c.group(2), "--iterations", c.group(3), "--", c.group(4));
            return r.out().lines().filter(l -> !l.trim().startsWith("From now:")).map(l -> l + "\n").collect(Collectors.joining());
        }
        Matcher t = TIMESPAN.matcher(s.header());
        if (t.matches()) {
            return CliRun.of(CLOCK, Map.of(), "timespan", "--", t.group(1)).out();
        }
        throw new AssertionError("unknown sample header: " + s.header());
    }
}
