package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Real file operations that count the mutating ones and "crash" (throw {@link Crash}) instead of
 * performing operation number {@code crashAt} (0-based). A crash inside a durable write leaves
 * half of the bytes in the temp file, as a process killed mid-write could.
 */
final class FaultInjectingFileOps extends ForwardingFileOps {
    /** The simulated death of the process; an Error so no code path can swallow it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash before " + where);
        }
    }

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
    public void createDirectories(Path dir) throws IOException {
        step("mkdir " + dir);
        super.createDirectories(dir);
    }

    @Override
    public void writeDurably(Path temp, byte[] content) throws IOException {
        if (count == crashAt) {
            super.writeDurably(temp, Arrays.copyOf(content, content.length / 2));
        }
        step("write " + temp);
        super.writeDurably(temp, content);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        step("rename " + from + " -> " + to);
        super.rename(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        step("delete " + file);
        super.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        step("fsync " + dir);
        super.syncDirectory(dir);
    }
}
