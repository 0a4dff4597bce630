package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replaces files so a reader (or a crash) sees the old bytes or the new bytes, never a mix: the
 * new content goes to a temp file in the same directory and is forced to disk, then renamed over
 * the target. The directory itself is forced once per batch ({@link #commit}), after the renames
 * and deletions of that batch, and before anything that depends on them being durable.
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
