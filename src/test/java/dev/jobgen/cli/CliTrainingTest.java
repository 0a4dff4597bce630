package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The training run behind the launchers' CDS archive: it works from the jar's own resources and leaves nothing. */
class CliTrainingTest {
    @Test
    void theTrainingCatalogueIsTheReferenceExample() throws IOException {
        try (InputStream in = CliTraining.class.getResourceAsStream(CliTraining.CATALOGUE)) {
            assertNotNull(in, "the build packs examples/everything.yaml for the training run");
            assertEquals(Files.readString(Path.of("examples/everything.yaml")), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void itRunsQuietlyRestoresTheStreamsAndLeavesNoFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = trainingDirs(tmp);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(seen, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            CliTraining.main(new String[0]);
            assertSame(capture, System.out, "stdout is given back");
            assertSame(capture, System.err, "stderr is given back");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", seen.toString(StandardCharsets.UTF_8));
        assertEquals(before, trainingDirs(tmp));
    }

    private static List<Path> trainingDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("jobgen-cli-training")).sorted().toList();
        }
    }
}
