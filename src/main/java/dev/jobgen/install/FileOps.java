package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file system access of the installer, so tests can count the mutating operations and
 * inject a crash between any two of them. Reads never change the disk; each mutating method is
 * one step that either happens completely or, when the process dies inside it, leaves only what
 * the real operation could leave (a partial temp file, never a partial target).
 */
public interface FileOps {
    /** The bytes of a regular file, empty when nothing (or a symlink, or a directory) is there. */
    Optional<byte[]> readRegular(Path file) throws IOException;

    /** Whether anything, including a dangling symlink, exists at {@code path}. */
    boolean exists(Path path);

    /** Whether {@code path} is a symbolic link (a masked unit is a link to /dev/null). */
    boolean isSymlink(Path path);

    /** The names of the directory's entries, sorted; empty when it does not exist. */
    List<String> list(Path dir) throws IOException;

    /** Mutating: creates the directory and its parents when missing. */
    void createDirectories(Path dir) throws IOException;

    /** Mutating: creates or truncates {@code temp}, writes all bytes, forces them to disk. */
    void writeDurably(Path temp, byte[] content) throws IOException;

    /**
     * Mutating: {@link #writeDurably} for each file, all of them durable when this returns; an
     * implementation may write them first and make them durable together.
     */
    default void writeAllDurably(Map<Path, byte[]> temps) throws IOException {
        for (Map.Entry<Path, byte[]> t : temps.entrySet()) {
            writeDurably(t.getKey(), t.getValue());
        }
    }

    /** Mutating: renames {@code from} over {@code to} atomically (same directory). */
    void rename(Path from, Path to) throws IOException;

    /** Mutating: deletes the file when it exists. */
    void delete(Path file) throws IOException;

    /** Mutating: forces the directory's entries (renames, deletions) to disk. */
    void syncDirectory(Path dir) throws IOException;
}
