package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated spans (not the recorded corpus) compared with the real {@code systemd-analyze
 * timespan} of this machine, one process per span because systemd stops at the first bad one.
 */
class TimeSpanOracleTest {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final String[] BLANKS = {"", "", "", "", " ", " ", "  ", "\t", "\n", "\r", "\u000b", "\f"};
    private static final String[] UNITS = {
        "", "", "s", "sec", "second", "seconds", "m", "min", "minute", "minutes", "M", "month", "months",
        "h", "hr", "hour", "hours", "d", "day", "days", "w", "week", "weeks", "y", "year", "years",
        "ms", "msec", "us", "usec", "\u03bcs", "\u00b5s"
    };
    private static final String[] BAD_UNITS = {"S", "Y", "mins", "ns", "nsec", "H", "secs", "x", "\u03bc", "Min"};

    /** What systemd said about one span: the microseconds and Human line, or nothing when it refused. */
    record Answer(String usec, String human) {}

    @Test
    void generatedSpansAnswerLikeSystemd() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        Random random = new Random(20261123L);
        List<String> mismatches = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < 700; i++) {
            String span = generate(random);
            Optional<Answer> expected = oracle(span);
            Optional<Answer> actual = ours(span);
            valid += expected.isPresent() ? 1 : 0;
            if (!expected.equals(actual)) {
                mismatches.add(TimeSpanConformanceTest.printable(span) + ": systemd " + expected + ", ours " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(valid > 150 && valid < 550, "the generator should mix valid and invalid spans: " + valid + " valid");
    }

    @Test
    void humanFormOfRandomMicrosecondCountsIsSystemds() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        Random random = new Random(64);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // every magnitude from 1us up; above 2^63 as a sum, since each count must fit a signed long
            long usec = random.nextLong() >>> (1 + random.nextInt(63));
            String span = random.nextInt(10) == 0 ? Long.MAX_VALUE + "us " + usec + "us" : usec + "us";
            Optional<Answer> expected = oracle(span);
            Optional<Answer> actual = ours(span);
            if (!expected.equals(actual)) {
                mismatches.add(span + ": systemd " + expected + ", ours " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static Optional<Answer> ours(String span) {
        try {
            TimeSpan parsed = TimeSpan.parse(span);
            return Optional.of(new Answer(parsed.usecString(), parsed.normalized()));
        } catch (TimeSpanException e) {
            return Optional.empty();
        }
    }

    static Optional<Answer> oracle(String span) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ANALYZE.toString(), "timespan", "--", span)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            return Optional.empty();
        }
        String usec = null;
        String human = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("      \u03bcs: ")) {
                usec = line.substring(10);
            } else if (line.startsWith("   Human: ")) {
                human = line.substring(10);
            }
        }
        return Optional.of(new Answer(usec, human));
    }

    private static String generate(Random r) {
        if (r.nextInt(40) == 0) {
            return pick(r, BLANKS) + "infinity" + pick(r, BLANKS) + (r.nextInt(4) == 0 ? "5s" : "");
        }
        StringBuilder sb = new StringBuilder(pick(r, BLANKS));
        int components = 1 + r.nextInt(3);
        for (int c = 0; c < components; c++) {
            sb.append(r.nextInt(25) == 0 ? pick(r, new String[] {"+", "-", "."}) : "");
            sb.append(number(r));
            if (r.nextInt(4) == 0) {
                sb.append('.').append(r.nextInt(8) == 0 ? "" : digits(r, 1 + r.nextInt(12)));
            }
            sb.append(pick(r, BLANKS)).append(pick(r, r.nextInt(15) == 0 ? BAD_UNITS : UNITS)).append(pick(r, BLANKS));
        }
        return sb.toString();
    }

    private static String number(Random r) {
        switch (r.nextInt(12)) {
            case 0: return digits(r, 15 + r.nextInt(6)); // around the 64-bit limits
            case 1: return "";
            default: return Integer.toString(r.nextInt(r.nextBoolean() ? 100 : 100_000));
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
