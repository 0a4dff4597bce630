package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Real file operations that count the mutating ones and "crash" (throw {@link Crash}) instead of
 * performing operation number {@code crashAt} (0-based). A crash inside a durable write leaves
 * half of the bytes in the temp file, as a process killed mid-write could.
 */
final class FaultInjectingFileOps implements FileOps {
    /** The simulated death of the process; an Error so no code path can swallow it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash before " + where);
        }
    }

    private final FileOps real = new NioFileOps();
    private final int crashAt;
    private int count;

    /** @param crashAt the operation that does not happen; negative: never crash, only count */
    FaultInjectingFileOps(int crashAt) {
        this.crashAt = crashAt;
    }

    int count() {
        return count;
    }

    private void step(String what) {
        if (count++ == crashAt) {
            throw new Crash(what);
        }
    }

    @Override
    public Optional<byte[]> readRegular(Path file) throws IOException {
        return real.readRegular(file);
    }

    @Override
    public boolean exists(Path path) {
        return real.exists(path);
    }

    @Override
    public boolean isSymlink(Path path) {
        return real.isSymlink(path);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        return real.list(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        step("mkdir " + dir);
        real.createDirectories(dir);
    }

    @Override
    public void writeDurably(Path temp, byte[] content) throws IOException {
        if (count == crashAt) {
            real.writeDurably(temp, Arrays.copyOf(content, content.length / 2));
        }
        step("write " + temp);
        real.writeDurably(temp, content);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        step("rename " + from + " -> " + to);
        real.rename(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        step("delete " + file);
        real.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        step("fsync " + dir);
        real.syncDirectory(dir);
    }
}
