package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rough edges a new user meets first, in a real JVM through {@code dev.jobgen.Main}: what the shell sees. */
class MainProcessTest {
    private record Run(int exit, String out, String err) {}

    private static Run jobgen(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.jobgen.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jobgen " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void firstMinutesOfANewUser(@TempDir Path dir) throws Exception {
        Run bare = jobgen(dir);
        assertEquals(2, bare.exit(), bare.err());
        assertEquals("", bare.out());
        assertTrue(bare.err().lines().anyMatch(l -> l.matches(" +render +Render the systemd units of the catalogues\\.")), bare.err());
        assertTrue(bare.err().lines().anyMatch(l -> l.matches(" +status +Show each job's health.*")), bare.err());

        Files.writeString(dir.resolve("c.yaml"), "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n");
        Run typo = jobgen(dir, "render", "c.yaml", "--outdir", "units");
        assertEquals(2, typo.exit());
        assertEquals("", typo.out());
        assertEquals("jobgen: render: unknown option '--outdir'. Did you mean '--output'? See 'jobgen render --help'.\n", typo.err());

        Files.writeString(dir.resolve("a-file"), "x");
        Run onto = jobgen(dir, "render", "c.yaml", "-o", "a-file");
        assertEquals(2, onto.exit(), onto.err());
        assertEquals("jobgen: render: -o a-file: not a directory. See 'jobgen render --help'.\n", onto.err());

        Run notify = jobgen(dir, "notify", "--help");
        assertEquals(0, notify.exit());
        assertEquals("", notify.err(), "no picocli warning");
        assertTrue(notify.out().contains("(%i of the") || notify.out().contains("%i of the"), notify.out());
    }
}
