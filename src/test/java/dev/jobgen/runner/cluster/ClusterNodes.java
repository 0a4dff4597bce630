package dev.jobgen.runner.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated nodes for {@code --lock cluster} tests: each node has its own state and lock
 * directories (as separate machines would), and every runner is a real separate JVM running
 * {@code dev.jobgen.Main run} with the classes the runner needs on its class path.
 */
final class ClusterNodes {
    /** One elapse long past: every node computes the same period, whatever the time the test runs. */
    static final String SCHEDULE = "2020-01-01 00:00:00 UTC";
    static final String PERIOD = "2020-01-01T00:00:00Z";

    private final Path dir;
    private final Path urlFile;

    /** Nodes under {@code dir} sharing the store whose URL is written to {@code dir/cluster.url}. */
    ClusterNodes(Path dir, String url) throws IOException {
        this.dir = dir;
        this.urlFile = dir.resolve("cluster.url");
        Files.writeString(urlFile, url + "\n", StandardCharsets.UTF_8);
    }

    Path urlFile() {
        return urlFile;
    }

    Path state(int node) {
        return dir.resolve("node" + node).resolve("state");
    }

    /** Starts {@code jobgen run --lock cluster} for {@code job} on {@code node}; extra flags before the command. */
    Process run(int node, String name, String job, List<String> flags, String script) throws IOException {
        return run(node, name, List.of(), job, flags, script);
    }

    Process run(int node, String name, List<String> jvmOptions, String job, List<String> flags, String script) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", classPath(), "dev.jobgen.Main", "run", "--job", job,
                "--state-dir", state(node).toString(), "--lock-dir", dir.resolve("node" + node).resolve("lock").toString(),
                "--lock", "cluster", "--cluster-url-file", urlFile.toString(), "--schedule", SCHEDULE));
        argv.addAll(flags);
        argv.addAll(List.of("--", "/bin/sh", "-c", script));
        return new ProcessBuilder(argv)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    String stderr(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** The outcomes in a node's local {@code runs.jsonl}. */
    List<Outcome> outcomes(int node) throws IOException {
        List<Outcome> out = new ArrayList<>();
        if (Files.isDirectory(state(node))) {
            for (RunRecord r : HistoryReader.read(state(node))) {
                out.add(r.outcome());
            }
        }
        return out;
    }

    static String classPath() {
        return location(dev.jobgen.Main.class) + File.pathSeparator + location(JsonFactory.class) + File.pathSeparator
                + location(org.postgresql.Driver.class);
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
