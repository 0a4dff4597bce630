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
        catalogue = Files.createDirectories(root.resolve("etc/jobgen/catalogues")).resolve("backups.yaml");
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
        Map<String, String> renderedOnTheNode = new TreeMap<>();
        dir(rendered).forEach((name, text) -> renderedOnTheNode.put(name, text.replace(root.toString(), "")));
        assertEquals(renderedOnTheNode, dir(root.resolve("etc/systemd/system")),
                "install writes what render does, with the catalogue's path as seen on the node");
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
    void unitsNameTheCatalogueByItsPathOnTheNode() throws IOException {
        assertEquals(0, install("--no-systemctl").status());
        Map<String, String> units = dir(root.resolve("etc/systemd/system"));
        String service = units.get("jobgen-db-backup.service");
        assertTrue(service.contains("\nDocumentation=file:/etc/jobgen/catalogues/backups.yaml\n"
                + "SourcePath=/etc/jobgen/catalogues/backups.yaml\n"), service);
        assertTrue(units.get("jobgen-db-backup.timer").contains("\nSourcePath=/etc/jobgen/catalogues/backups.yaml\n"));
        units.forEach((name, text) -> assertFalse(text.contains(tmp.toString()), name + " names the build root:\n" + text));
    }

    @Test
    void aCatalogueOutsideTheRootIsSaidSoAndNamedNowhere() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("staging")).resolve("backups.yaml");
        Files.copy(catalogue, outside);
        CliRun run = jobgen("install", outside.toString(), "--root", root.toString(), "--no-systemctl");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains(outside + " is not under --root " + root + ", so the units name no SourcePath="), run.err());
        dir(root.resolve("etc/systemd/system")).forEach((name, text) -> {
            assertFalse(text.contains("SourcePath=") || text.contains("Documentation="), name + ":\n" + text);
            assertFalse(text.contains(tmp.toString()), name + " names a path that is not on the node:\n" + text);
        });
        assertTrue(Files.readString(root.resolve("etc/systemd/system/jobgen-db-backup.service"))
                .startsWith("# Generated by jobgen from a catalogue that is not on this node, job 'db-backup'.\n"));
    }

    @Test
    void twoCataloguesWithOnFailureShareTheNotifyTemplateInEitherOrder() throws IOException {
        Path dir = root.resolve("etc/jobgen/catalogues");
        Path template = root.resolve("etc/systemd/system/jobgen-notify@.service");
        for (List<String> order : List.of(List.of("web", "db"), List.of("db", "web"))) {
            for (String owner : order) {
                assertEquals(0, installAlerting(dir, owner, true).status(), order.toString());
            }
            for (String owner : order) {
                Path m = root.resolve("var/lib/jobgen/installed/" + owner + ".manifest");
                assertTrue(Files.readString(m).contains("jobgen-notify@.service\n"), m + " lists the shared template");
            }
            assertFalse(Files.readString(template).contains("catalogues/"), "the template names no catalogue");
            assertEquals(0, installAlerting(dir, order.get(0), false).status());
            assertTrue(Files.exists(template), order.get(1) + " still needs the template");
            assertEquals(0, installAlerting(dir, order.get(0), true).status());
            assertEquals(0, installAlerting(dir, order.get(1), false).status());
            assertTrue(Files.exists(template), order.get(0) + " needs it again");
            assertEquals(0, installAlerting(dir, order.get(0), false).status());
            assertFalse(Files.exists(template), "no unit refers to the template any more");
        }
    }

    /** Installs catalogue OWNER.yaml with one job, which alerts on failure or not. */
    private CliRun installAlerting(Path dir, String owner, boolean alert) throws IOException {
        Path c = dir.resolve(owner + ".yaml");
        Files.writeString(c, "jobgen: 1\njobs:\n  " + owner + "-job:\n    command: /bin/false\n    schedule: hourly\n"
                + (alert ? "    on-failure:\n      webhook: http://127.0.0.1:9/hook\n" : ""));
        return jobgen("install", c.toString(), "--root", root.toString(), "--no-systemctl");
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
        Path puppet = examples.resolve("puppet/modules/profile/files/jobgen/backups.yaml");
        List<Path> all = List.of(ansible, puppet, examples.resolve("ansible/catalogues/reports.yaml"),
                examples.resolve("puppet/modules/profile/files/jobgen/reports.yaml"));
        for (Path example : all) {
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
