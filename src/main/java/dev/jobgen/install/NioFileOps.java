package dev.jobgen.install;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FileOps} on any NIO file system (the default one, or jimfs in tests). Written files get
 * mode 0644 where the file system has POSIX permissions: units and manifests are world-readable
 * by design, secrets never go into them.
 */
public final class NioFileOps implements FileOps {
    @Override
    public Optional<byte[]> readRegular(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        // opened without following links too: the check above and the open are two steps
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Channels.newInputStream(ch).readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isSymlink(Path path) {
        return Files.isSymbolicLink(path);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void writeDurably(Path temp, byte[] content) throws IOException {
        write(temp, content, true);
    }

    /**
     * Writes every file, then makes them durable together ({@link FileSystemSync}); a handful of
     * files is forced while still open, which costs less than starting {@code sync}.
     */
    @Override
    public void writeAllDurably(Map<Path, byte[]> temps) throws IOException {
        boolean together = temps.size() >= FileSystemSync.SYNC_FROM;
        for (Map.Entry<Path, byte[]> t : temps.entrySet()) {
            write(t.getKey(), t.getValue(), !together);
        }
        if (together) {
            FileSystemSync.durable(temps.keySet());
        }
    }

    private static void write(Path temp, byte[] content, boolean force) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            // the mode is set before the data so that force(true) makes both durable together
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            }
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (force) {
                ch.force(true);
            }
        }
    }

    /** Forces a written file's data and metadata to disk. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        }
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (jimfs, Windows) cannot open a directory; they have nothing to sync.
            return;
        }
        try (ch) {
            ch.force(true);
        }
    }
}
