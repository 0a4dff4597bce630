package dev.jobgen.history;

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
 * file) and append with {@code O_APPEND} in one write, starting on a fresh line when the last
 * write was torn. When the file passes {@link #maxBytes} it
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

    /**
     * Whether the file ends inside a line (a write cut short by a full disk): the new record then
     * starts on a line of its own instead of being glued to the torn one and lost with it.
     */
    private static boolean afterTornLine(Path log) throws IOException {
        try (FileChannel in = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            return size > 0 && in.read(last, size - 1) == 1 && last.get(0) != '\n';
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static byte[] prefixed(byte[] line) {
        byte[] b = new byte[line.length + 1];
        b[0] = '\n';
        System.arraycopy(line, 0, b, 1, line.length);
        return b;
    }

    // the file lock is a scope: held exactly while the line is appended
    @SuppressWarnings("try")
    public void append(RunRecord record) throws IOException {
        Files.createDirectories(dir);
        byte[] line = (RunRecordJson.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        Path log = dir.resolve(FILE);
        try (FileChannel lock = FileChannel.open(dir.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var held = lock.lock()) {
            long size;
            byte[] bytes = afterTornLine(log) ? prefixed(line) : line;
            try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
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
