package dev.jobgen.runner;

import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RunSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An exclusive lock on a file under the lock directory, held for the life of the run.
 *
 * <p>The lock is a POSIX record lock ({@code FileChannel.lock} is {@code fcntl(F_SETLK)} on Linux):
 * the kernel drops it when the runner dies in any way; the file itself is left in place on purpose
 * (deleting it would race with a waiting runner that already opened it). It does not interlock
 * with {@code flock(1)} by itself: a lean run's start phase leaves a lean record in the file
 * ({@link #handOver}) while its command holds the lock with flock, and {@link #acquire} asks
 * {@link FlockHolders} whether it still does only when it finds such a record.
 *
 * <p>Local users are the threat here. The directory must be one nobody else can write (owned by
 * root or by the runner's own user, no group or other write bit, not a symbolic link), so nobody
 * can swap, delete or plant a lock file; a file is opened without following links, only when it is
 * a regular file owned by the runner's user or root, and it is created mode 0600 so no other user
 * can even open it to hold the lock.
 *
 * <p>The holder writes a {@link LockRecord} into the file and clears it when it lets go. Java
 * cannot hand the locked descriptor to the command, so when the runner is killed outright (kill -9
 * outside systemd) the record is what makes the lock outlive it: the next runner that gets the
 * kernel lock and finds a record whose command still runs treats the lock as held.
 */
public final class LockFile implements AutoCloseable {
    private static final long FIRST_POLL_MS = 10;
    private static final long MAX_POLL_MS = 200;
    /** How long a fresh lean record without a flock holder still counts as held: the hand-over to flock. */
    static final long LEAN_HANDOVER_MS = 10_000;
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);

    /** Holds the lock: closing it releases the lock. */
    private final FileChannel channel;
    private final Path file;
    private final Optional<LockRecord> stale;
    private LockRecord record;

    private LockFile(FileChannel channel, Path file, Optional<LockRecord> stale) {
        this.channel = channel;
        this.file = file;
        this.stale = stale;
    }

    /**
     * What {@link #acquire} found: the lock, or (when it stayed busy or {@code cancelled} turned
     * true) the holder's record as last seen, if it wrote one.
     */
    public record Acquired(Optional<LockFile> lock, Optional<LockRecord> holder) {}

    /**
     * Takes the lock {@code dir/fileName}, waiting up to {@code maxWait} while another process
     * holds it, or while the command of a runner that died still runs.
     */
    public static Acquired acquire(Path dir, String fileName, Duration maxWait, BooleanSupplier cancelled) throws IOException {
        Path file = trustedDirectory(dir).resolve(fileName);
        FileChannel channel = open(file);
        Optional<LockRecord> holder = Optional.empty();
        try {
            long deadline = System.nanoTime() + Math.min(maxWait.toNanos(), Long.MAX_VALUE / 4);
            long poll = FIRST_POLL_MS;
            while (true) {
                FileLock lock = channel.tryLock();
                holder = LockRecord.parse(read(channel));
                if (lock != null) {
                    // a lean run's command holds the lock with flock(2), which fcntl does not see; /proc/locks
                    // is read only behind a lean run's record: its first read costs ~10 ms of waiting in the kernel
                    boolean leanHeld = holder.isPresent() && holder.get().lean() && (FlockHolders.held(file) || handingOver(file));
                    if ((holder.isEmpty() || !holder.get().commandAlive()) && !leanHeld) {
                        return new Acquired(Optional.of(new LockFile(channel, file, holder)), Optional.empty());
                    }
                    // the runner that wrote it is gone, its command is not (or a lean run holds it): the lock still stands
                    lock.release();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || cancelled.getAsBoolean()) {
                    channel.close();
                    return new Acquired(Optional.empty(), holder);
                }
                Thread.sleep(Math.min(poll, Math.max(1, left / 1_000_000)));
                poll = Math.min(MAX_POLL_MS, poll * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            return new Acquired(Optional.empty(), holder);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The lock directory as an absolute path, after checking nobody but root or this user can
     * change its entries; a missing one is made (mode 0755) when its parent exists, except the
     * default one by a user other than root (a user who made it first would own every job's locks).
     */
    static Path trustedDirectory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(abs, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            attrs = create(abs);
        }
        if (attrs.isSymbolicLink() || !attrs.isDirectory()) {
            throw new IOException("lock directory " + abs + " is " + (attrs.isSymbolicLink() ? "a symbolic link" : "not a directory")
                    + ": refusing to use it (remove it; it is made at boot by tmpfiles.d)");
        }
        int uid = uid(abs);
        int mode = mode(abs);
        int me = currentUid();
        if ((uid != 0 && uid != me) || (mode & 022) != 0) {
            throw new IOException("lock directory " + abs + " is owned by uid " + uid + " with mode " + octal(mode)
                    + ": refusing to use it, another user could swap or delete lock files (it must be owned by root"
                    + (me == 0 ? "" : " or uid " + me) + " and not group- or world-writable; remove it, it is made at boot by tmpfiles.d)");
        }
        Path parent = abs.getParent();
        if (parent != null) {
            int parentUid = uid(parent);
            int parentMode = mode(parent);
            // a sticky directory (/run/lock is 1777) lets nobody else rename or delete what root or this user made there
            if ((parentUid != 0 && parentUid != me) || ((parentMode & 022) != 0 && (parentMode & 01000) == 0)) {
                throw new IOException("lock directory " + abs + " is in " + parent + ", owned by uid " + parentUid + " with mode "
                        + octal(parentMode) + ": refusing to use it, another user could replace the whole directory");
            }
        }
        return abs;
    }

    private static PosixFileAttributes create(Path abs) throws IOException {
        if (abs.equals(RunSpec.DEFAULT_LOCK_DIR) && currentUid() != 0) {
            throw new IOException("lock directory " + abs + " does not exist: it is made at boot by tmpfiles.d (jobgen's"
                    + " tmpfiles.d entry, or run: systemd-tmpfiles --create), or at the start of a unit that needs it");
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("lock directory " + abs + " does not exist, nor does its parent " + parent
                    + ": create it, or give --lock-dir an existing directory");
        }
        try {
            Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by someone else: checked like any existing directory
        }
        return Files.readAttributes(abs, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Opens the lock file without following links. It is checked before opening (a FIFO would
     * block the open) and needs no check after: in a trusted directory only root and this user
     * can change what the name points to.
     */
    private static FileChannel open(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            PosixFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                try {
                    return FileChannel.open(file, CREATE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException raced) {
                    if (attempt == 3) {
                        throw raced;
                    }
                    continue;
                }
            }
            if (!attrs.isRegularFile()) {
                throw new IOException("lock file " + file + " is " + kind(attrs) + ", not a regular file: refusing to use it (remove it)");
            }
            int uid = uid(file);
            int me = currentUid();
            if (uid != 0 && uid != me) {
                throw new IOException("lock file " + file + " is owned by uid " + uid + ", not by root or uid " + me
                        + ": refusing to use it (remove it)");
            }
            try {
                return FileChannel.open(file, OPEN);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new IOException("lock file " + file + ": permission denied (owned by uid " + uid + ", mode "
                        + octal(mode(file)) + "; it must be readable and writable by uid " + me + ")", e);
            }
        }
    }

    /** The record the previous holder left behind when it died (its command has ended since). */
    public Optional<LockRecord> stale() {
        return stale;
    }

    /** Writes this run's record into the file (replacing a stale one). */
    public void claim(LockRecord mine) throws IOException {
        record = mine;
        write(mine.format());
    }

    /** Adds the command's process to the record, so a runner killed outright still leaves the lock held while it runs. */
    public void commandStarted(ProcessHandle command) {
        if (record == null) {
            return;
        }
        try {
            claim(record.withCommand(command));
        } catch (IOException e) {
            // the record only matters if this runner is killed outright; the lock itself still holds
        }
    }

    public Path file() {
        return file;
    }

    private void write(String text) throws IOException {
        channel.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = 0;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
            // reads at the position so far
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static String kind(PosixFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "a directory";
        }
        if (attrs.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a FIFO, socket or device";
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    /** The runner's effective uid: {@code /proc/self} belongs to it (no JNI, no extra module). */
    static int currentUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }

    /**
     * A lean run's start: leaves {@code lean} in the file and lets go of the record lock, as the
     * command's flock takes over. The record tells the next runner to ask {@code /proc/locks}.
     */
    public void handOver(LockRecord lean) throws IOException {
        claim(lean);
        record = null;
        channel.close();
    }

    /**
     * Whether a lean run's start phase handed the lock over moments ago: between its exit and the
     * command's flock (a few ms, longer on a loaded machine) neither lock is held, and a runner
     * that took the record lock then would run beside the lean run's command.
     */
    private static boolean handingOver(Path file) throws IOException {
        long age = System.currentTimeMillis() - Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        return age >= 0 && age < LEAN_HANDOVER_MS;
    }

    /**
     * A lean run's end: clears the record its start phase left, unless another run holds the lock
     * by now or has replaced the record. The command has ended, so no flock check is needed.
     */
    public static void clearLean(Path dir, String fileName, String runId) throws IOException {
        try (FileChannel channel = open(trustedDirectory(dir).resolve(fileName)); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            Optional<LockRecord> r = LockRecord.parse(read(channel));
            if (r.isPresent() && r.get().lean() && r.get().runId().equals(runId)) {
                channel.truncate(0);
            }
        }
    }

    /** Clears the record (a clean end) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (record != null) {
                channel.truncate(0);
            }
        } finally {
            channel.close();
        }
    }
}
