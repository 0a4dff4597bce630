package dev.jobgen.runner;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code jobgen run} as a real separate JVM, with only the classes the runner may need on
 * its class path (target/classes and jackson-core): locks, signals and exit statuses are
 * per-process, so tests that depend on them cannot run the runner in the test's own JVM.
 */
final class RunnerProcess {
    private RunnerProcess() {}

    static String classPath() {
        try {
            Path classes = Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jackson = Path.of(JsonFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes + File.pathSeparator + jackson;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> argv(List<String> jvmOptions, List<String> runArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-XX:TieredStopAtLevel=1");
        argv.add("-XX:+UseSerialGC");
        argv.add("-Xshare:auto");
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath());
        argv.add("dev.jobgen.Main");
        argv.add("run");
        argv.addAll(runArgs);
        return argv;
    }

    /** Starts the runner with stdout and stderr going to files under {@code dir}. */
    static Process start(Path dir, String name, List<String> runArgs) throws IOException {
        return start(dir, name, List.of(), runArgs);
    }

    static Process start(Path dir, String name, List<String> jvmOptions, List<String> runArgs) throws IOException {
        return new ProcessBuilder(argv(jvmOptions, runArgs))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }
}
