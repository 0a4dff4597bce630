package dev.jobgen.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file replacement: write a temp file beside the target, fsync it, rename it over the target. */
final class AtomicFile {
    private AtomicFile() {}

    /**
     * {@link #write}, then the directory is forced too, so the rename itself survives a power loss
     * (a record that must not be lost, like a period stamp: without it the period would run again).
     */
    static void writeDurably(Path target, byte[] content) throws IOException {
        write(target, content);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    static void write(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + pid() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * This process's id from the {@code /proc/self} link: {@code ProcessHandle.current()} starts the
     * JDK's process machinery (its reaper executor and method handles spun at run time), which
     * a lean run's start and end phases otherwise never load.
     */
    private static String pid() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self")).toString();
    }
}
