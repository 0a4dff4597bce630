package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs started at the same moment on one root, from threads of one JVM and from separate
 * processes, run one after the other: each one's file operations form one block in the trace, and
 * every owner ends up with all its units.
 */
class ConcurrentInstallTest {
    private static final List<String> OWNERS = List.of("alpha", "bravo", "charlie", "delta");
    @TempDir
    Path root;
    @TempDir
    Path scratch;

    @Test
    void threadsOfOneProcessAreSerialized() throws Exception {
        Path trace = scratch.resolve("trace");
        ExecutorService pool = Executors.newFixedThreadPool(OWNERS.size());
        try {
            List<Future<InstallReport>> results = new ArrayList<>();
            for (String owner : OWNERS) {
                Callable<InstallReport> install = () -> new Installer(new TracingFileOps(trace, owner), Optional.empty())
                        .apply(Units.request(root, owner, ConcurrentInstallMain.jobs(owner)));
                results.add(pool.submit(install));
            }
            for (Future<InstallReport> r : results) {
                assertEquals(20, r.get().written().size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertSerializedAndComplete(trace);
    }

    @Test
    void separateProcessesAreSerialized() throws Exception {
        Path trace = scratch.resolve("trace");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        for (String owner : OWNERS) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentInstallMain.class.getName(), root.toString(), trace.toString(), owner)
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), output);
        }
        assertSerializedAndComplete(trace);
    }

    private void assertSerializedAndComplete(Path trace) throws Exception {
        List<String> lines = Files.readAllLines(trace);
        assertTrue(TracingFileOps.contiguous(lines), "installs interleaved: " + lines);
        assertEquals(OWNERS.size(), lines.stream().distinct().count());
        for (String owner : OWNERS) {
            for (int i = 0; i < 10; i++) {
                assertTrue(Files.exists(new InstallLayout(root).unitDir().resolve("jobgen-" + owner + "-" + i + ".timer")));
            }
            assertEquals(22, Files.readAllLines(new InstallLayout(root).manifest(owner)).size());
        }
    }
}
