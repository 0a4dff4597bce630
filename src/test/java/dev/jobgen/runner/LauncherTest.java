package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node launcher {@code src/main/dist/jobgen}: the CDS archives are named by the jar's SHA-256,
 * created when missing, used by the runner (runs without a heartbeat by the quiet one), and
 * replaced when the jar changes.
 */
class LauncherTest {
    @TempDir
    Path dir;

    Path launcher;
    Path javaLog;
    Path fakeJava;

    @BeforeEach
    void setUp() throws Exception {
        launcher = Path.of(System.getProperty("jobgen.basedir", "."), "src/main/dist/jobgen").toAbsolutePath();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "needs sha256sum");
        // a java that logs its arguments, so the test sees which archive the launcher passed
        javaLog = dir.resolve("java.log");
        fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$*\" >> " + javaLog + "\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
    }

    /**
     * A runnable jobgen jar from the compiled classes with jackson-core's inside, as in the shaded
     * jar: the quiet runs put the jar on the boot class path, which reads no manifest class path.
     */
    Path jar(String name, String extraEntry) throws Exception {
        Path classes = Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jackson = Path.of(JsonFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path unpacked = dir.resolve("jackson");
        if (!Files.isDirectory(unpacked)) {
            unzipClasses(jackson, unpacked);
        }
        Path manifest = dir.resolve("manifest.txt");
        Files.writeString(manifest, "Main-Class: dev.jobgen.Main\n");
        Path extra = Files.createDirectories(dir.resolve("extra-" + name));
        Files.writeString(extra.resolve("stamp.txt"), extraEntry);
        Path jar = dir.resolve(name + ".jar");
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(out), new PrintWriter(out), "--create",
                "--file", jar.toString(), "--manifest", manifest.toString(), "-C", classes.toString(), ".",
                "-C", unpacked.toString(), ".", "-C", extra.toString(), ".");
        assertEquals(0, rc, out.toString());
        return jar;
    }

    /** The class files of {@code jar} under {@code to} (its META-INF left out). */
    static void unzipClasses(Path jar, Path to) throws java.io.IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory() || !e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                Path file = to.resolve(e.getName()).normalize();
                assertTrue(file.startsWith(to), e.getName());
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            }
        }
    }

    String launch(Path jar, List<String> args) throws Exception {
        return launch(jar, args, Map.of());
    }

    String launch(Path jar, List<String> args, Map<String, String> extraEnv) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(launcher.toString()));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JOBGEN_JAR", jar.toString());
        env.put("JOBGEN_CDS_DIR", dir.resolve("cds").toString());
        env.put("JOBGEN_JAVA", fakeJava.toString());
        env.putAll(extraEnv);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    static String sha16(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))).substring(0, 16);
    }

    @Test
    void archiveIsNamedByTheJarsHashUsedAndReplacedWithTheJar() throws Exception {
        Path jar = jar("a", "one");
        Path archiveA = dir.resolve("cds/jobgen-" + sha16(jar) + ".jsa");
        Path quietA = dir.resolve("cds/jobgen-" + sha16(jar) + "-quiet.jsa");
        // (no command-line archive: the test jar has no picocli, so its training fails and none is made)
        assertEquals(archiveA + "\n" + quietA + "\n", launch(jar, List.of("--create-cds")));
        assertTrue(Files.size(archiveA) > 0);
        assertTrue(Files.size(quietA) > 0);

        Files.delete(javaLog);
        launch(jar, List.of("run", "--job", "x", "--state-dir", dir.resolve("state").toString(), "--", "/bin/true"));
        String args = Files.readString(javaLog);
        assertTrue(args.contains("-XX:SharedArchiveFile=" + dir.resolve("cds/current-quiet")), args);
        assertTrue(args.contains("-XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UseSerialGC"), args);
        assertEquals(archiveA, dir.resolve("cds/current").toRealPath());
        assertEquals(quietA, dir.resolve("cds/current-quiet").toRealPath());
        assertEquals(1, args.lines().count(), "no training run when the archive exists");

        // a new jar (later mtime, other content) must never run with the old archives
        Path newer = jar("b", "two");
        Files.move(newer, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        launch(jar, List.of("run", "--job", "x", "--state-dir", dir.resolve("state").toString(), "--", "/bin/true"));
        Path archiveB = dir.resolve("cds/jobgen-" + sha16(jar) + ".jsa");
        Path quietB = dir.resolve("cds/jobgen-" + sha16(jar) + "-quiet.jsa");
        assertTrue(!archiveA.equals(archiveB));
        assertTrue(Files.size(archiveB) > 0, "a fresh archive for the new jar");
        assertTrue(Files.size(quietB) > 0, "a fresh quiet archive for the new jar");
        assertEquals(archiveB, dir.resolve("cds/current").toRealPath());
        assertEquals(quietB, dir.resolve("cds/current-quiet").toRealPath());
        String last = Files.readString(javaLog).lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("-XX:SharedArchiveFile=" + quietB + " "), Files.readString(javaLog));
    }

    /**
     * {@code run} gets the flags of a small steady state (bench/runner-footprint.sh), and the
     * interpreter only when it copies no output: a heartbeat keeps a log tail, so the output pumps run.
     */
    @Test
    void runIsTunedForItsSteadyStateAndInterpretedOnlyWithoutAHeartbeat() throws Exception {
        Path jar = jar("d", "four");
        launch(jar, List.of("--create-cds"));
        List<String> plain = List.of("run", "--job", "x", "--state-dir", dir.resolve("state").toString(), "--", "/bin/sh", "-c",
                ": --heartbeat");
        List<String> heartbeat = List.of("run", "--job", "x", "--state-dir", dir.resolve("state").toString(),
                "--heartbeat", "url", "--heartbeat-url", "http://127.0.0.1:1/", "--", "/bin/true");
        for (List<String> run : List.of(plain, heartbeat)) {
            Files.deleteIfExists(javaLog);
            launch(jar, run);
            String args = Files.readString(javaLog);
            assertTrue(args.contains("-XX:ArchiveRelocationMode=0 -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=0"
                    + " -Xmn512k -Xms1m -XX:StringTableSize=1024 -XX:SymbolTableSize=1024"), args);
            assertEquals(run == plain, args.contains(" -Xint "), args);
            // a heartbeat needs the HTTP client, which only the runner's archive holds; the quiet one was
            // dumped from the boot class path
            assertTrue(args.contains("-XX:SharedArchiveFile=" + dir.resolve(run == plain ? "cds/current-quiet" : "cds/current") + " "), args);
            assertTrue(args.contains(run == plain ? " -Xbootclasspath/a:" + jar + " -Djobgen.jar=" + jar + " dev.jobgen.Main run " : " -cp " + jar + " dev.jobgen.Main run "), args);
        }
    }

    /**
     * The training runs cover a plain and a stamped run and a lean run's two phases (steady state)
     * entirely: every jobgen class comes from the archive, so the JVM, started with
     * {@code -Xbootclasspath/a:JAR dev.jobgen.Main} rather than {@code -jar}, never opens the jar
     * (indexing its entries costs ~10 ms of start-up).
     */
    @Test
    void plainStampedAndLeanRunsLoadEveryJobgenClassFromTheArchiveAndNeverOpenTheJar() throws Exception {
        Path jar = jar("c", "three");
        launch(jar, List.of("--create-cds"));
        Path classLog = dir.resolve("classes.log");
        // from now on the java logs the classes it loads
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$*\" >> " + javaLog + "\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " -Xlog:class+load:file=" + classLog + " \"$@\"\n");
        Path state = dir.resolve("state");
        List<String> stamped = List.of("--lock", "node", "--idempotent", "period", "--schedule", "*-*-* *:00:00 UTC");
        for (List<String> flags : List.of(List.of("--lock", "node"), stamped)) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "--job", "cover", "--state-dir", state.toString(),
                    "--lock-dir", dir.resolve("lock").toString()));
            args.addAll(flags);
            args.addAll(List.of("--", "/bin/true"));
            launch(jar, args); // the first stamped run computes and remembers the periods
            Files.deleteIfExists(classLog);
            deleteTree(state.resolve("stamps"));
            launch(jar, args);
            assertEverythingFromTheArchive(Files.readString(classLog), flags.toString(), "dev.jobgen.runner.Runner");
        }
        // loaded from the boot class path the classes have no code source: the remembered periods must
        // still name the jar they were computed by, or a new jobgen would trust an old engine's answers
        List<String> periods = Files.readAllLines(state.resolve(SchedulePeriods.FILE));
        assertTrue(periods.get(2).startsWith("jobgen " + jar + " " + Files.size(jar) + " "), periods.toString());
        // a lean run, as systemd calls its phases: the start lets the command run, the end records it
        Map<String, String> invocation = Map.of("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
        Map<String, String> ended = new java.util.HashMap<>(invocation);
        ended.putAll(Map.of("SERVICE_RESULT", "success", "EXIT_CODE", "exited", "EXIT_STATUS", "0"));
        deleteTree(state.resolve("stamps"));
        for (String phase : List.of("start", "end")) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "--phase", phase, "--job", "cover", "--state-dir",
                    state.toString(), "--lock-dir", dir.resolve("lock").toString()));
            args.addAll(stamped);
            args.addAll(List.of("--", "/bin/true"));
            Files.deleteIfExists(classLog);
            launch(jar, args, phase.equals("start") ? invocation : ended);
            assertEverythingFromTheArchive(Files.readString(classLog), "--phase " + phase, "dev.jobgen.runner.LeanRun");
        }
        assertTrue(Files.readString(state.resolve("runs.jsonl")).lines().reduce((a, b) -> b).orElseThrow().contains("\"success\""),
                "the lean run was recorded");
        // the quiet archive's classes come from the boot class path, so the runs name the jar there
        String args = Files.readString(javaLog);
        assertTrue(args.contains(" -Xbootclasspath/a:" + jar + " -Djobgen.jar=" + jar + " dev.jobgen.Main run "), args);
        assertTrue(!args.contains(" -cp " + jar + " dev.jobgen.Main run "), args);
    }

    private static void assertEverythingFromTheArchive(String loaded, String what, String mainClass) {
        assertTrue(loaded.contains(mainClass + " source: shared objects file"), what + ": " + loaded);
        for (String line : loaded.lines().toList()) {
            assertTrue(!line.contains(" dev.jobgen.") || line.contains("source: shared objects file"), what + ": not from the archive: " + line);
            assertTrue(!line.contains(" java.util.zip.ZipFile$Source "), what + ": the jar was opened");
        }
    }

    /**
     * A lean unit's {@code ExecCondition=}: systemd skips quietly on exits 1 to 254, so the launcher
     * passes only the start phase's 0 and {@link LeanRun#SKIP}, and fails the unit (255) on anything
     * else: a JVM that does not start, a missing jar. The real start phase skipping comes through too.
     */
    @Test
    void aLeanStartPhaseFailsTheUnitOnAnythingButRunOrSkip() throws Exception {
        Path jar = jar("e", "five");
        List<String> start = List.of("run", "--phase", "start", "--job", "x", "--state-dir", dir.resolve("state").toString(), "--",
                "/bin/true");
        for (int status : new int[] {0, LeanRun.SKIP, 1, 2, 127, 134, 254}) {
            Files.writeString(fakeJava, "#!/bin/sh\nexit " + status + "\n");
            int expected = status == 0 || status == LeanRun.SKIP ? status : 255;
            assertEquals(expected, exitOf(jar, start), "java exiting " + status);
            assertEquals(status, exitOf(jar, List.of("run", "--phase", "end", "--job", "x", "--", "/bin/true")),
                    "the end phase and every other command keep the JVM's status");
        }
        assertEquals(255, exitOf(dir.resolve("missing.jar"), start), "no jar: the unit fails");
        // the real start phase through the launcher: it lets a run through, and skips once its period is done
        Files.writeString(fakeJava, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
        Files.createDirectories(dir.resolve("state"));
        List<String> stamped = List.of("run", "--phase", "start", "--job", "x", "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.resolve("lock").toString(), "--lock", "node", "--idempotent", "period", "--schedule", "*-*-* 00:00:00 UTC",
                "--", "/bin/true");
        Map<String, String> invocation = Map.of("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
        assertEquals(0, exitOf(jar, stamped, invocation));
        Map<String, String> ended = new java.util.HashMap<>(invocation);
        ended.putAll(Map.of("SERVICE_RESULT", "success", "EXIT_CODE", "exited", "EXIT_STATUS", "0"));
        List<String> end = new java.util.ArrayList<>(stamped);
        end.set(2, "end");
        assertEquals(0, exitOf(jar, end, ended));
        assertEquals(LeanRun.SKIP, exitOf(jar, stamped, invocation), "the period is done: the start phase skips");
    }

    int exitOf(Path jar, List<String> args) throws Exception {
        return exitOf(jar, args, Map.of());
    }

    int exitOf(Path jar, List<String> args, Map<String, String> extraEnv) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(launcher.toString()));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JOBGEN_JAR", jar.toString());
        pb.environment().put("JOBGEN_CDS_DIR", dir.resolve("cds").toString());
        pb.environment().put("JOBGEN_JAVA", fakeJava.toString());
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
