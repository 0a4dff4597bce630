package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes many freshly written files durable at once. Forcing them one by one costs a device flush
 * each (about a millisecond on a virtual disk: ten seconds for 10,000 units); {@code syncfs(2)}
 * writes everything pending on the file system and flushes once. Java has no call for it, so
 * coreutils' {@code sync --file-system} (coreutils 8.24, 2015) makes it. Where that program is
 * missing or fails, the files are forced from {@value #FORCERS} threads at once, which lets a
 * journalling file system merge their commits. A handful of files is forced as it is written
 * ({@link NioFileOps#writeAllDurably}), not here.
 */
final class FileSystemSync {
    static final int FORCERS = 16;
    private static final List<String> SYNC_PROGRAMS = List.of("/usr/bin/sync", "/bin/sync");

    private FileSystemSync() {}

    /** Below this many files, forcing each as it is written costs less than starting {@code sync}. */
    static final int SYNC_FROM = 32;

    /** Returns once every file in {@code files} is on disk (data and metadata). */
    static void durable(Collection<Path> files) throws IOException {
        List<Path> dirs = files.stream().map(Path::getParent).distinct().toList();
        if (!syncFileSystems(dirs)) {
            forceAll(files);
        }
    }

    /** {@code sync --file-system DIR...}; false when it cannot be run here or fails. */
    private static boolean syncFileSystems(List<Path> dirs) {
        Optional<String> program = SYNC_PROGRAMS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (program.isEmpty() || dirs.stream().anyMatch(d -> d.getFileSystem() != FileSystems.getDefault())) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(program.get(), "--file-system", "--"));
        dirs.forEach(d -> command.add(d.toAbsolutePath().toString()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void forceAll(Collection<Path> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(FORCERS, files.size()), r -> {
            Thread t = new Thread(r, "jobgen-fsync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> forces = new ArrayList<>();
            for (Path f : files) {
                forces.add(pool.submit(() -> {
                    NioFileOps.force(f);
                    return null;
                }));
            }
            IOException failure = null;
            for (Future<?> f : forces) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while forcing files to disk");
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
