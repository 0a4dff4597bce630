package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces files so a reader (or a crash) sees the old bytes or the new bytes, never a mix: the
 * new content goes to a temp file in the same directory and is forced to disk, then renamed over
 * the target. The directory itself is forced once per batch ({@link #commit}), after the renames
 * and deletions of that batch, and before anything that depends on them being durable.
 *
 * <p>A batch ({@link #stageAll}) writes every temp file before it renames any, so a crash while
 * writing changes no target, and the file operations may make the temp files durable together
 * ({@link FileOps#writeAllDurably}), which for thousands of units is the difference between
 * seconds and a fraction of one.
 */
public final class AtomicWriter {
    private final FileOps ops;

    public AtomicWriter(FileOps ops) {
        this.ops = ops;
    }

    /** Writes and renames; the caller commits the directory. */
    public void stage(Path target, byte[] content) throws IOException {
        Path temp = InstallLayout.tempFor(target);
        ops.writeDurably(temp, content);
        ops.rename(temp, target);
    }

    /**
     * Writes every temp file durably, then renames each over its target in the map's order; the
     * caller commits the directories. When writing fails, the temp files are removed (best effort)
     * and no target has changed.
     */
    public void stageAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, byte[]> temps = new LinkedHashMap<>();
        files.forEach((target, content) -> temps.put(InstallLayout.tempFor(target), content));
        try {
            ops.writeAllDurably(temps);
        } catch (IOException | RuntimeException e) {
            for (Path temp : temps.keySet()) {
                deleteQuietly(temp);
            }
            throw e;
        }
        for (Path target : files.keySet()) {
            ops.rename(InstallLayout.tempFor(target), target);
        }
    }

    private void deleteQuietly(Path temp) {
        try {
            ops.delete(temp);
        } catch (IOException e) {
            // a leftover temp file is hidden, and the next install removes it
        }
    }

    /**
     * Creates {@code dir} (which must not exist) holding exactly {@code files}, whole or not at
     * all: they are written into a hidden sibling directory, made durable, and that directory is
     * renamed to {@code dir}. Cheaper than a rename per file, and a reader never sees a partial set.
     */
    public void createWhole(Path dir, Map<String, byte[]> files) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        ops.createDirectories(parent);
        Path staging = InstallLayout.tempFor(dir.toAbsolutePath());
        removeStaging(staging);
        ops.createDirectories(staging);
        Map<Path, byte[]> staged = new LinkedHashMap<>();
        files.forEach((name, content) -> staged.put(staging.resolve(name), content));
        try {
            ops.writeAllDurably(staged);
            ops.syncDirectory(staging);
            ops.rename(staging, dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            removeStaging(staging);
            throw e;
        }
        ops.syncDirectory(parent);
    }

    /** A staging directory a crashed run left behind holds only files this writer put there. */
    private void removeStaging(Path staging) throws IOException {
        if (!ops.exists(staging)) {
            return;
        }
        for (String name : ops.list(staging)) {
            ops.delete(staging.resolve(name));
        }
        ops.delete(staging);
    }

    /** Forces the directory's renames and deletions to disk. */
    public void commit(Path dir) throws IOException {
        ops.syncDirectory(dir);
    }

    /** One file, durably: stage and commit. */
    public void replace(Path target, byte[] content) throws IOException {
        stage(target, content);
        commit(target.getParent());
    }
}
