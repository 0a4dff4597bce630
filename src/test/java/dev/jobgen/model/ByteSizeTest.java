package dev.jobgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0            | 0             | 0",
        "1048576      | 1048576       | 1M",
        "1000         | 1000          | 1000",
        "10KiB        | 10240         | 10K",
        "10K          | 10240         | 10K",
        "' 512 M '    | 536870912     | 512M",
        "1.5G         | 1610612736    | 1536M",
        "1.3K         | 1331          | 1331",
        "2TiB         | 2199023255552 | 2T",
        "3072GiB      | 3298534883328 | 3T",
        "7B           | 7             | 7",
    })
    void parsesAndWritesSystemdsForm(String text, long bytes, String systemd) throws ByteSizeException {
        ByteSize size = ByteSize.parse(text);
        assertEquals(bytes, size.bytes());
        assertEquals(systemd, size.systemd());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''          | 0 | expected a size",
        "10k         | 2 | unknown size unit 'k'",
        "10KB        | 2 | unknown size unit 'KB'",
        "-5M         | 0 | expected a size",
        "1.2.3M      | 0 | expected a size",
        "5M 3        | 3 | unexpected text",
        "9999999T    | 0 | too large",
        ".5M         | 0 | expected a size",
    })
    void refusesWithPosition(String text, int index, String reason) {
        ByteSizeException e = assertThrows(ByteSizeException.class, () -> ByteSize.parse(text));
        assertEquals(index, e.index(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void systemdFormReadsBackToTheSameBytes() throws ByteSizeException {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            long bytes = random.nextBoolean() ? random.nextLong() >>> (1 + random.nextInt(63)) : (long) random.nextInt(5000) << (10 * random.nextInt(5));
            ByteSize size = new ByteSize(bytes);
            assertEquals(size, ByteSize.parse(size.systemd()), size.systemd());
        }
    }

    @Test
    void systemdAcceptsTheWrittenForm(@TempDir Path dir) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        String[] sizes = {"1", "1000", "10KiB", "1.5G", "512M", "3TiB", "1.3K", "7B"};
        for (int i = 0; i < sizes.length; i++) {
            Path unit = dir.resolve("size-" + i + ".service");
            Files.writeString(unit, "[Service]\nType=oneshot\nMemoryMax=" + ByteSize.parse(sizes[i]).systemd()
                    + "\nExecStart=/bin/true\n", StandardCharsets.UTF_8);
            command.add(unit.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals("", output);
    }
}
