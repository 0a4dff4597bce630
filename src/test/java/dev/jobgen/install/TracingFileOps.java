package dev.jobgen.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Real file operations that append the caller's label to a trace file (O_APPEND, one line per
 * mutating operation) and pause a little inside each write, to widen any race between installs.
 * Serialized installs leave each label in one contiguous run of lines.
 */
final class TracingFileOps extends ForwardingFileOps {
    private final Path trace;
    private final String label;

    TracingFileOps(Path trace, String label) {
        this.trace = trace;
        this.label = label;
    }

    private void note() {
        try {
            Files.write(trace, (label + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Thread.sleep(3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether each label's lines in the trace form one block. */
    static boolean contiguous(List<String> lines) {
        java.util.Set<String> finished = new java.util.HashSet<>();
        String current = null;
        for (String l : lines) {
            if (!l.equals(current)) {
                if (finished.contains(l)) {
                    return false;
                }
                if (current != null) {
                    finished.add(current);
                }
                current = l;
            }
        }
        return true;
    }

    @Override
    public void writeDurably(Path temp, byte[] content) throws IOException {
        note();
        super.writeDurably(temp, content);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        note();
        super.rename(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        note();
        super.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        note();
        super.syncDirectory(dir);
    }
}
