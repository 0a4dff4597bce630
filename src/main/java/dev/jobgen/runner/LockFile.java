package dev.jobgen.runner;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An exclusive lock on a file under the lock directory, held for the life of the run.
 *
 * <p>The lock is a POSIX record lock ({@code FileChannel.lock} is {@code fcntl(F_SETLK)} on Linux):
 * the kernel drops it when the process dies in any way, so a stale lock file never blocks a job;
 * the file itself is left in place on purpose (deleting it would race with a waiting runner that
 * already opened it). It does not interlock with {@code flock(1)}. Files are mode 0666 and the
 * directory 01777 so jobs running as different users can share a group lock.
 */
public final class LockFile implements AutoCloseable {
    private static final long FIRST_POLL_MS = 10;
    private static final long MAX_POLL_MS = 200;

    /** Holds the lock: closing it releases the lock. */
    private final FileChannel channel;

    private LockFile(FileChannel channel) {
        this.channel = channel;
    }

    /** The file name for a scope, or empty for {@link LockScope.None} and the cluster scope. */
    public static Optional<String> fileName(LockScope scope) {
        // instanceof rather than match(...): lambdas cost start-up here (see CalendarPeriods)
        if (scope instanceof LockScope.Node node) {
            return Optional.of("job-" + node.job() + ".lock");
        }
        if (scope instanceof LockScope.Group group) {
            return Optional.of("group-" + group.name() + ".lock");
        }
        return Optional.empty();
    }

    /**
     * Takes the lock {@code dir/fileName}, waiting up to {@code maxWait} while another process holds
     * it; empty when it stayed busy or {@code cancelled} turned true while waiting.
     */
    public static Optional<LockFile> acquire(Path dir, String fileName, Duration maxWait, BooleanSupplier cancelled)
            throws IOException {
        ensureDirectory(dir);
        FileChannel channel = open(dir.resolve(fileName));
        try {
            long deadline = System.nanoTime() + Math.min(maxWait.toNanos(), Long.MAX_VALUE / 4);
            long poll = FIRST_POLL_MS;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return Optional.of(new LockFile(channel));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || cancelled.getAsBoolean()) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(Math.min(poll, Math.max(1, left / 1_000_000)));
                poll = Math.min(MAX_POLL_MS, poll * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
            Files.setAttribute(dir, "unix:mode", 01777);
        } catch (FileAlreadyExistsException e) {
            // another runner created it first
        }
    }

    private static FileChannel open(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                FileChannel created = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.setAttribute(file, "unix:mode", 0666);
                return created;
            } catch (FileAlreadyExistsException e) {
                try {
                    return FileChannel.open(file, StandardOpenOption.WRITE);
                } catch (AccessDeniedException denied) {
                    // another user's runner created it a moment ago and has not made it 0666 yet
                    if (attempt == 3) {
                        throw denied;
                    }
                    pause(50);
                }
            }
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
