package dev.jobgen.install;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * Serializes installs on one root: an advisory lock ({@code fcntl}/{@code flock} through
 * {@link FileChannel#tryLock}) on {@code ROOT/var/lib/jobgen/installed/.lock}. The kernel
 * releases it when the holder dies, so a crashed install never blocks the next one.
 *
 * <p>Java file locks are per process: a second lock from the same JVM throws
 * {@link OverlappingFileLockException} instead of waiting. Both that and a lock held by another
 * process are treated alike, by polling with a growing pause, so threads and processes queue the
 * same way. A check ({@code --check}) takes a shared lock, and only when the lock file exists, so
 * it never creates anything.
 */
public final class InstallLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the exclusive lock, creating the lock file; fails after {@code patience}. */
    public static InstallLock exclusive(Path lockFile, Duration patience) throws IOException {
        refuseUnlessRegular(lockFile);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return acquire(ch, false, lockFile, patience);
    }

    /** A shared lock when the lock file exists, otherwise a no-op lock: nothing is installed to read. */
    public static InstallLock sharedIfPresent(Path lockFile, Duration patience) throws IOException {
        if (!refuseUnlessRegular(lockFile)) {
            return new InstallLock(null, null);
        }
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return acquire(ch, true, lockFile, patience);
    }

    /**
     * Whether the lock file exists; refuses anything there but a regular file. The lock is opened
     * without following links (a link there would make install create or lock a file anywhere),
     * and a FIFO would block the open for ever, so both are refused before opening.
     */
    private static boolean refuseUnlessRegular(Path lockFile) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(lockFile + ": the install lock is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                    + "; jobgen never follows or waits on one there: remove it after checking who made it");
        }
        return true;
    }

    private static InstallLock acquire(FileChannel ch, boolean shared, Path lockFile, Duration patience)
            throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 5;
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock(0, Long.MAX_VALUE, shared);
                } catch (OverlappingFileLockException heldInThisJvm) {
                    l = null;
                }
                if (l != null) {
                    return new InstallLock(ch, l);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("another jobgen install holds " + lockFile + " (waited "
                            + patience.toSeconds() + "s)");
                }
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new IOException("interrupted while waiting for " + lockFile, e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
