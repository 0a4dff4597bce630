package dev.jobgen.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.StringTokenizer;

/**
 * Whether some process holds a {@code flock(2)} lock on a file, read from {@code /proc/locks}.
 *
 * <p>A lean run's command holds its lock through util-linux {@code flock}, which does not interlock
 * with the record lock ({@code fcntl}) that {@link LockFile} takes, so both kinds are checked before
 * a run counts the lock as free. A waiter ({@code ->} lines) holds nothing.
 */
final class FlockHolders {
    private static final Path LOCKS = Path.of("/proc/locks");
    /** ~130,000 locks: far beyond a real node's table. */
    static final int MAX_BYTES = 8 << 20;

    private FlockHolders() {}

    /**
     * Whether a FLOCK lock is held on {@code file} (a missing file holds nothing). Asked only about a
     * lean record, so it fails closed: a {@code /proc/locks} this process cannot see (a sandbox's
     * {@code ProcSubset=pid}, {@code hidepid}) or one longer than {@value #MAX_BYTES} bytes (any user
     * can grow it by holding many locks, and it is read by root's runners) counts as held, and the
     * run skips as busy rather than start beside a command that may still run.
     */
    static boolean held(Path file) throws IOException {
        return held(file, LOCKS);
    }

    /** {@link #held(Path)} with the lock table at {@code procLocks} (tests). */
    static boolean held(Path file, Path procLocks) throws IOException {
        long ino;
        long dev;
        try {
            ino = (Long) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            dev = (Long) Files.getAttribute(file, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        byte[] text;
        try (InputStream in = Files.newInputStream(procLocks)) {
            text = in.readNBytes(MAX_BYTES + 1);
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
        if (text.length > MAX_BYTES) {
            return true;
        }
        return heldIn(new String(text, StandardCharsets.ISO_8859_1), major(dev), minor(dev), ino);
    }

    /**
     * {@code /proc/locks} lines look like {@code 1: FLOCK  ADVISORY  WRITE 4242 00:1a:1234 0 EOF}
     * (device in hex, inode in decimal). Only lines naming the inode are taken apart: the runner
     * runs interpreted, where splitting every line of a busy machine's table costs milliseconds.
     */
    static boolean heldIn(String procLocks, long major, long minor, long ino) {
        String id = ":" + ino + " ";
        for (int at = procLocks.indexOf(id); at >= 0; at = procLocks.indexOf(id, at + 1)) {
            int start = procLocks.lastIndexOf('\n', at) + 1;
            int end = procLocks.indexOf('\n', at);
            if (holds(procLocks.substring(start, end < 0 ? procLocks.length() : end), major, minor, ino)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(String line, long major, long minor, long ino) {
        StringTokenizer f = new StringTokenizer(line);
        // a waiter's line has an extra "->" field before the lock type, so the FLOCK check below turns it away
        if (f.countTokens() < 6) {
            return false;
        }
        f.nextToken();
        if (!f.nextToken().equals("FLOCK")) {
            return false;
        }
        f.nextToken();
        f.nextToken();
        f.nextToken();
        StringTokenizer id = new StringTokenizer(f.nextToken(), ":");
        if (id.countTokens() != 3) {
            return false;
        }
        try {
            return Long.parseLong(id.nextToken(), 16) == major && Long.parseLong(id.nextToken(), 16) == minor
                    && Long.parseLong(id.nextToken()) == ino;
        } catch (NumberFormatException e) {
            // a line this parser does not know holds nothing it could match
            return false;
        }
    }

    /** The kernel's {@code MAJOR()} of a user-space {@code dev_t} (glibc's encoding). */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }
}
