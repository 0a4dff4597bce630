package dev.jobgen.unitfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jobgen.unitfile.SystemdEscaper;
import dev.jobgen.unitfile.SystemdEscaperTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units full of hostile values, written only through {@link SystemdEscaper}, must pass the real
 * {@code systemd-analyze verify} without a single line of output (it exits 0 on many problems, so
 * the output is what counts). verify does not show the parsed argv; {@link SystemdEscaperTest} and
 * the library oracle check that.
 */
class SystemdEscaperVerifyTest {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    @Test
    void hostileUnitsVerifyCleanly() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        List<Path> programs = List.of(
                script("plain"), script("with space"), script("100% sure"), script("cost $5"), script("x-@:+!;#="));
        HostileStrings gen = new HostileStrings(11);
        List<String> units = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            List<String> argv = new ArrayList<>(List.of(programs.get(n % programs.size()).toString()));
            for (int i = gen.nextInt(5); i > 0; i--) {
                argv.add(gen.next());
            }
            Path workdir = Files.createDirectories(dir.resolve("work " + n + " 50% $HOME ;#\\x"));
            Path writable = Files.createDirectories(dir.resolve("data " + n + " 50% $HOME ;#"));
            String unit = "[Unit]\n"
                    + "Description=" + SystemdEscaper.text(gen.next()) + "\n"
                    + "Documentation=man:jobgen(1)\n"
                    + "\n[Service]\n"
                    + "Type=oneshot\n"
                    + "Environment=" + SystemdEscaper.environment("JOB_A", gen.next()) + " "
                    + SystemdEscaper.environment("JOB_B", gen.next()) + "\n"
                    + "WorkingDirectory=" + SystemdEscaper.path(workdir.toString()) + "\n"
                    + "SyslogIdentifier=" + SystemdEscaper.text("job-" + n) + "\n"
                    + "ReadWritePaths=" + SystemdEscaper.pathListItem(writable.toString()) + " "
                    + SystemdEscaper.pathListItem(dir.toString()) + "\n"
                    + "ExecStart=" + SystemdEscaper.commandLine(argv) + "\n";
            Path file = dir.resolve("hostile-" + n + ".service");
            Files.writeString(file, unit, StandardCharsets.UTF_8);
            units.add(file.toString());
        }
        assertEquals("", verify(units), "systemd-analyze verify must print nothing");
    }

    @Test
    void theHarnessSeesABrokenUnit() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        Path file = dir.resolve("broken.service");
        Files.writeString(file, "[Service]\nType=oneshot\nExecStart=/bin/echo 100%Q\n", StandardCharsets.UTF_8);
        assertNotEquals("", verify(List.of(file.toString())), "an unescaped specifier must be reported");
    }

    private Path script(String name) throws IOException {
        Path script = Files.createDirectories(dir.resolve("bin " + name)).resolve(name);
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String verify(List<String> units) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ANALYZE.toString(), "verify", "--man=no"));
        command.addAll(units);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }
}
