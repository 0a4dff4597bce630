package dev.jobgen.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code STATE/runs.jsonl}: one JSON line per run. Writers hold an exclusive lock on
 * {@code runs.jsonl.lock} (a stable file, so rotation cannot strand a waiting writer on a renamed
 * file) and append with {@code O_APPEND} in one write. When the file passes {@link #maxBytes} it
 * becomes {@code runs.jsonl.1} (replacing the older one), so history stays between one and two
 * times that size.
 */
public final class HistoryLog {
    public static final String FILE = "runs.jsonl";
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final Path dir;
    private final long maxBytes;

    public HistoryLog(Path stateDir, long maxBytes) {
        this.dir = stateDir;
        this.maxBytes = maxBytes;
    }

    public HistoryLog(Path stateDir) {
        this(stateDir, DEFAULT_MAX_BYTES);
    }

    public void append(RunRecord record) throws IOException {
        Files.createDirectories(dir);
        byte[] line = (RunRecordJson.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        Path log = dir.resolve(FILE);
        try (FileChannel lock = FileChannel.open(dir.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var held = lock.lock()) {
            long size;
            try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                size = out.size();
            }
            if (size > maxBytes) {
                Files.move(log, dir.resolve(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
