package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.IsoInstant;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.time.TimeSpan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pure parts of the runner. */
class RunnerPartsTest {
    @Test
    void isoInstantsPrintAFractionOnlyWhenNonZero() {
        assertEquals("2026-01-01T02:00:00Z", IsoInstant.format(Instant.parse("2026-01-01T02:00:00Z")));
        assertEquals("2026-01-01T02:00:00.5Z", IsoInstant.format(Instant.parse("2026-01-01T02:00:00.500Z")));
        assertEquals("1999-12-31T23:59:59.000001Z", IsoInstant.format(Instant.parse("1999-12-31T23:59:59.000001999Z")));
    }

    @Test
    void isoInstantsReadBack() {
        for (String text : new String[] {"2026-01-01T02:00:00Z", "2026-01-01T02:00:00.5Z", "1999-12-31T23:59:59.000001Z",
            "2024-02-29T12:34:56.123456789Z"}) {
            assertEquals(Instant.parse(text), IsoInstant.parse(text), text);
        }
        for (String bad : new String[] {"2026-01-01", "2026-01-01T02:00:00", "2026-01-01T02:00:00.Z", "2026-13-01T02:00:00Z",
            "2026-01-01 02:00:00Z", "2026-01-01T02:00:0xZ"}) {
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> IsoInstant.parse(bad), bad);
        }
    }

    @Test
    void retryDelaysGrowByTheBackoffUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(6, TimeSpan.ofSeconds(30), 2.0, Optional.of(TimeSpan.ofSeconds(180)));
        assertEquals(Duration.ofSeconds(30), p.delayBefore(1));
        assertEquals(Duration.ofSeconds(60), p.delayBefore(2));
        assertEquals(Duration.ofSeconds(120), p.delayBefore(3));
        assertEquals(Duration.ofMinutes(3), p.delayBefore(4));
        TestConfig c = new TestConfig(Path.of("/nonexistent"), "true");
        c.retry = p;
        c.permanentExitCodes = List.of(2);
        RunSpec spec = c.build();
        assertTrue(spec.retries(1, 1));
        assertTrue(!spec.retries(1, 2), "permanent");
        assertTrue(!spec.retries(6, 1), "last attempt");
    }

    @Test
    void runIdsAreVersion4Uuids() {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) 0xff);
        assertEquals("ffffffff-ffff-4fff-bfff-ffffffffffff", RunId.format(b));
        String id = RunId.random();
        assertEquals(4, java.util.UUID.fromString(id).version());
        assertTrue(!id.equals(RunId.random()));
    }

    @Test
    void logTailKeepsTheLastBytes() {
        LogTail tail = new LogTail(8);
        tail.append("hello\n".getBytes(StandardCharsets.US_ASCII), 0, 6);
        tail.append("world\n".getBytes(StandardCharsets.US_ASCII), 0, 6);
        assertEquals("o\nworld\n", new String(tail.bytes(), StandardCharsets.US_ASCII));
        tail.append("0123456789".getBytes(StandardCharsets.US_ASCII), 0, 10);
        assertEquals("23456789", new String(tail.bytes(), StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[0], new LogTail(0).bytes());
    }

    @Test
    void pumpWritesWholeLinesAndTheUnterminatedRest() {
        StringBuilder big = new StringBuilder();
        big.append("x".repeat(OutputPump.MAX_LINE + 5)).append("\nlast");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(out, err, 4);
        String text = "one\ntwo\n" + big;
        new OutputPump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), console, false).run();
        assertEquals(text, out.toString(StandardCharsets.UTF_8));
        assertEquals("last", new String(console.tail(), StandardCharsets.UTF_8));
        assertEquals(0, err.size());
    }
}
