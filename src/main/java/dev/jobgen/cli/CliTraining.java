package dev.jobgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the command line's class-data-sharing archive: the launchers run it
 * once per jar with {@code -XX:DumpLoadedClassList} and dump a static archive of that list (a
 * dynamic one would leave out picocli's pre-Java-6 classes), so every class that loading, checking,
 * planning, rendering, writing and reporting use is archived, and {@code jobgen render} of a
 * large catalogue starts working a third of a second sooner. It compiles the reference catalogue
 * ({@code examples/everything.yaml}, packed into the jar) and a broken one, in every output form.
 * Never used otherwise.
 */
public final class CliTraining {
    static final String CATALOGUE = "training/everything.yaml";
    private static final String BROKEN = "jobgen: 1\njobs:\n  broken job:\n    command: [relative/path]\n    every: 5 parsecs\n";

    private CliTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("jobgen-cli-training");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
            System.setOut(quiet);
            System.setErr(quiet);
            Path good = work.resolve("everything.yaml");
            try (InputStream in = CliTraining.class.getResourceAsStream(CATALOGUE)) {
                if (in == null) {
                    throw new IOException(CATALOGUE + " is missing from the jar");
                }
                Files.copy(in, good);
            }
            Path broken = Files.writeString(work.resolve("broken.yaml"), BROKEN);
            expect(0, "render", good.toString(), "-o", work.resolve("units").toString());
            expect(0, "render", good.toString());
            for (String format : new String[] {"text", "json", "github"}) {
                expect(1, "validate", "--format", format, good.toString(), broken.toString());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            deleteTree(work);
        }
    }

    /** A training run that takes another path than intended would archive the wrong classes. */
    private static void expect(int status, String... args) {
        int actual = Jobgen.execute(args);
        if (actual != status) {
            throw new IllegalStateException("jobgen " + String.join(" ", args) + " exited " + actual + ", not " + status);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
