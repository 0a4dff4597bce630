package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobgen install} through the CLI factory, on a real temp root. */
class InstallCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    Path root;
    Path catalogue;

    private static CliRun jobgen(String... args) {
        return CliRun.of(Clock.systemUTC(), Map.of(), args);
    }

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        catalogue = tmp.resolve("backups.yaml");
        try (InputStream in = getClass().getResourceAsStream("/install/backups.yaml")) {
            Files.write(catalogue, in.readAllBytes());
        }
    }

    private CliRun install(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("install", catalogue.toString(), "--root", root.toString()));
        args.addAll(List.of(extra));
        return jobgen(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    private static Map<String, String> dir(Path d) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void installsWhatRenderRendersThenReportsNoChange() throws IOException {
        CliRun first = install("--format", "json", "--no-systemctl");
        assertEquals(0, first.status(), first.err());
        JsonNode report = json(first);
        assertTrue(report.get("changed").asBoolean());
        assertEquals(5, report.get("written").size());
        assertEquals(List.of("changed", "written", "removed", "unchanged", "actions"), fieldNames(report));

        Path rendered = tmp.resolve("rendered");
        assertEquals(0, jobgen("render", catalogue.toString(), "-o", rendered.toString()).status());
        assertEquals(dir(rendered), dir(root.resolve("etc/systemd/system")));
        assertTrue(Files.readString(root.resolve("var/lib/jobgen/installed/backups.manifest")).contains("jobgen-db-backup.timer\n"),
                "the owner defaults to the catalogue's file name");

        CliRun second = install("--format", "json");
        assertFalse(json(second).get("changed").asBoolean());
        assertEquals(5, json(second).get("unchanged").size());
        CliRun check = install("--check");
        assertEquals(0, check.status(), check.out());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void checkExitsOneWithTheDiffAndChangesNothing() throws IOException {
        install();
        Map<String, String> before = dir(root.resolve("etc/systemd/system"));
        Files.writeString(catalogue, Files.readString(catalogue).replace("Archive rotated logs", "Archive old logs"));

        CliRun check = install("--check", "--diff");

        assertEquals(1, check.status(), check.err());
        assertTrue(check.out().contains("-Description=Archive rotated logs\n+Description=Archive old logs\n"), check.out());
        assertTrue(check.out().contains("would write " + root.resolve("etc/systemd/system/jobgen-log-archive.service")), check.out());
        assertEquals(before, dir(root.resolve("etc/systemd/system")));
        CliRun json = install("--check", "--format", "json");
        assertEquals(1, json.status());
        assertEquals(List.of("jobgen-log-archive.service", "jobgen-log-archive.timer"),
                JSON.convertValue(json(json).get("written"), List.class));
    }

    @Test
    void aForeignUnitIsRefusedWithItsPathAndAdoptedOnRequest() throws IOException {
        Path foreign = root.resolve("etc/systemd/system/jobgen-db-backup.timer");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "[Timer]\nOnCalendar=hourly\n");

        CliRun refused = install();

        assertEquals(1, refused.status());
        assertEquals("jobgen: refusing to overwrite " + foreign + ": it was not installed by catalogue 'backups'",
                refused.err().lines().findFirst().orElseThrow());
        assertTrue(refused.err().contains("--adopt"));
        assertEquals("[Timer]\nOnCalendar=hourly\n", Files.readString(foreign));
        assertEquals(0, install("--adopt").status());
        assertFalse(Files.readString(foreign).contains("hourly"));
    }

    @Test
    void theProvisioningExamplesCataloguesAreCleanAndTheTestCopyIsTheirs() throws IOException {
        Path examples = dev.jobgen.testing.GoldenFiles.projectDir().resolve("examples");
        Path ansible = examples.resolve("ansible/catalogues/backups.yaml");
        Path puppet = examples.resolve("puppet/catalogues/backups.yaml");
        for (Path example : List.of(ansible, puppet)) {
            CliRun validate = jobgen("validate", "--strict", example.toString());
            assertEquals(0, validate.status(), validate.err());
        }
        assertEquals(Files.readString(ansible), Files.readString(catalogue), "src/test/resources/install/backups.yaml is a copy");
    }

    @Test
    void anUnwritableRootIsOneLineNamingThePath() throws IOException {
        Files.writeString(root.resolve("var"), "a file where a directory should be\n");
        CliRun run = install();
        assertEquals(1, run.status());
        assertEquals("jobgen: install into " + root + " failed: " + root.resolve("var/lib/jobgen") + ": Not a directory",
                run.err().strip());
    }

    @Test
    void usageMistakesExitTwo() {
        CliRun noRoot = jobgen("install", catalogue.toString(), "--root", tmp.resolve("missing").toString());
        assertEquals(2, noRoot.status());
        assertTrue(noRoot.err().contains("not a directory"), noRoot.err());
        CliRun badOwner = install("--owner", "Ops Team");
        assertEquals(2, badOwner.status());
        assertTrue(badOwner.err().contains("invalid owner name 'Ops Team'"), badOwner.err());
        assertEquals(2, install("--format", "github").status());
        CliRun missing = jobgen("install", tmp.resolve("nope.yaml").toString(), "--root", root.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void systemctlOnlyOnALiveRoot() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path slash = fs.getPath("/");
            assertTrue(InstallCommand.systemctlFor(slash, fs, false).isEmpty(), "no /run/systemd/system: not booted with systemd");
            Files.createDirectories(fs.getPath("/run/systemd/system"));
            Files.createDirectories(fs.getPath("/srv/image"));
            assertTrue(InstallCommand.systemctlFor(slash, fs, false).isPresent());
            assertTrue(InstallCommand.systemctlFor(fs.getPath("/srv/../"), fs, false).isPresent());
            assertTrue(InstallCommand.systemctlFor(slash, fs, true).isEmpty(), "--no-systemctl");
            assertTrue(InstallCommand.systemctlFor(fs.getPath("/srv/image"), fs, false).isEmpty(), "another root");
        }
    }
}
