package dev.jobgen.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jobgen.testing.Fixtures;
import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rendered example and golden case through the real {@code systemd-analyze verify}, which
 * must print nothing at all (it exits 0 on unknown keys and bad values, so its output is what
 * counts). It runs with {@code --root}: a copy of this machine's unit tree plus a stub executable
 * for every program the units start, so the examples' programs need not exist here.
 */
class SystemdVerifyTest {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path HOST_UNITS = Path.of("/lib/systemd/system");
    private static final Pattern EXEC = Pattern.compile("^Exec\\w+=[-@:+!|]*\"?([^\\s\"]+)", Pattern.MULTILINE);

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> renderedUnitsPassSystemdAnalyzeVerify() throws IOException {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed (Linux with systemd only); skipping verify");
        assumeTrue(Files.isDirectory(HOST_UNITS), "no /lib/systemd/system on this machine; skipping verify");
        return GoldenTest.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Compilation compilation = Fixtures.compile(c.options(), c.catalogue());
            assertFalse(compilation.hasErrors(), compilation.diagnostics()::toString);
            Path root = Files.createTempDirectory(temp, c.name());
            String output = verify(root, compilation.files());
            assertEquals("", output, "systemd-analyze verify complained about " + c.name());
        }));
    }

    static String verify(Path root, List<RenderedFile> files) throws IOException, InterruptedException {
        Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
        copyTree(HOST_UNITS, Files.createDirectories(root.resolve("usr/lib/systemd/system")));
        List<String> names = new ArrayList<>();
        TreeSet<String> programs = new TreeSet<>();
        for (RenderedFile f : files) {
            Files.write(units.resolve(f.name()), f.content());
            String text = new String(f.content(), StandardCharsets.UTF_8);
            Matcher m = EXEC.matcher(text);
            while (m.find()) {
                programs.add(m.group(1));
            }
            // a template is checked through an instance, as systemd would start it
            names.add(f.name().endsWith("@.service") ? f.name().replace("@.", "@example.") : f.name());
        }
        for (String program : programs) {
            Path stub = root.resolve(program.substring(1));
            Files.createDirectories(stub.getParent());
            Files.writeString(stub, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> cmd = new ArrayList<>(List.of(ANALYZE.toString(), "verify", "--man=no", "--root=" + root));
        names.forEach(n -> cmd.add(n));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
