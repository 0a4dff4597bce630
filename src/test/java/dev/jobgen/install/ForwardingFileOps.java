package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Real file operations passed straight through; test doubles extend it and override only the
 * operations they count, trace or break.
 */
abstract class ForwardingFileOps implements FileOps {
    private final FileOps real = new NioFileOps();

    @Override
    public Optional<byte[]> readRegular(Path file) throws IOException {
        return real.readRegular(file);
    }

    @Override
    public boolean exists(Path path) {
        return real.exists(path);
    }

    @Override
    public boolean isSymlink(Path path) {
        return real.isSymlink(path);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        return real.list(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        real.createDirectories(dir);
    }

    @Override
    public void writeDurably(Path temp, byte[] content) throws IOException {
        real.writeDurably(temp, content);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        real.rename(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        real.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        real.syncDirectory(dir);
    }
}
