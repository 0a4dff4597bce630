package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportCrontabCommandTest {
    private FileSystem fs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/home/me").build());
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private int run(String... args) {
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err),
                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), fs, Map.of());
        return Jobgen.commandLine(ctx).execute(args);
    }

    private Path file(String path, String text) throws IOException {
        Path p = fs.getPath(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesTheCatalogueToTheOutputFile() throws IOException {
        file("/home/me/crontab", "0 2 * * * /usr/bin/backup\n");
        assertEquals(0, run("import-crontab", "crontab", "-o", "jobs.yaml"));
        assertEquals("", out.toString());
        String yaml = Files.readString(fs.getPath("/home/me/jobs.yaml"), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("jobs:\n  # crontab:1\n  backup:\n    cron: \"0 2 * * *\"\n    command: /usr/bin/backup\n"), yaml);
    }

    @Test
    void systemCrontabsHaveAUserFieldByDefault() throws IOException {
        file("/etc/crontab", "0 2 * * * root /usr/bin/a\n");
        file("/etc/cron.d/app", "0 3 * * * app /usr/bin/b\n");
        file("/home/me/crontab", "0 4 * * * /usr/bin/c\n");
        assertEquals(0, run("import-crontab", "/etc/crontab", "/etc/cron.d/app", "crontab"), err.toString());
        String yaml = out.toString();
        assertTrue(yaml.contains("    command: /usr/bin/a\n    user: root\n"), yaml);
        assertTrue(yaml.contains("    command: /usr/bin/b\n    user: app\n"), yaml);
        assertTrue(yaml.contains("    command: /usr/bin/c\n"), yaml);
        assertFalse(yaml.contains("command: root"), yaml);
    }

    @Test
    void userFieldCanBeForced() throws IOException {
        file("/home/me/system", "0 2 * * * root /usr/bin/a\n");
        assertEquals(0, run("import-crontab", "--user-field", "yes", "system"));
        assertTrue(out.toString().contains("    user: root\n"), out.toString());
    }

    @Test
    void strictTurnsWarningsIntoFailureAndWritesNothing() throws IOException {
        file("/home/me/crontab", "@reboot /usr/bin/warm\n");
        assertEquals(1, run("import-crontab", "--strict", "--owner", "me", "crontab", "-o", "jobs.yaml"));
        assertEquals("crontab:1: warning: @reboot", err.toString().substring(0, "crontab:1: warning: @reboot".length()));
        assertFalse(Files.exists(fs.getPath("/home/me/jobs.yaml")));
        assertEquals("", out.toString());
    }

    @Test
    void withoutStrictWarningsStillConvert() throws IOException {
        file("/home/me/crontab", "@reboot /usr/bin/warm\n");
        assertEquals(0, run("import-crontab", "--owner", "me", "crontab"));
        assertTrue(out.toString().contains("cron: \"@reboot\""), out.toString());
        assertTrue(err.toString().startsWith("crontab:1: warning: @reboot"), err.toString());
    }

    @Test
    void missingFileIsOneLine() {
        assertEquals(1, run("import-crontab", "nope"));
        assertEquals("jobgen: nope: no such file\n", err.toString());
    }

    @Test
    void badUserFieldValueIsAUsageError() throws IOException {
        file("/home/me/crontab", "0 2 * * * /usr/bin/backup\n");
        assertEquals(2, run("import-crontab", "--user-field", "maybe", "crontab"));
    }

    @Test
    void aSpoolFileRunsAsItsOwner() throws IOException {
        file("/var/spool/cron/crontabs/alice", "0 2 * * * /usr/bin/a\n0 3 * * * /usr/bin/b\n");
        file("/var/spool/cron/bob", "0 4 * * * /usr/bin/c\n");
        assertEquals(0, run("import-crontab", "/var/spool/cron/crontabs/alice", "/var/spool/cron/bob"), err.toString());
        String yaml = out.toString();
        assertTrue(yaml.contains("    command: /usr/bin/a\n    user: alice\n"), yaml);
        assertTrue(yaml.contains("    command: /usr/bin/b\n    user: alice\n"), yaml);
        assertTrue(yaml.contains("    command: /usr/bin/c\n    user: bob\n"), yaml);
        assertEquals("", err.toString());
    }

    @Test
    void ownerOptionNamesTheUserOfUserCrontabsOnly() throws IOException {
        file("/home/me/crontab", "0 2 * * * /usr/bin/a\n");
        file("/etc/cron.d/app", "0 3 * * * app /usr/bin/b\n");
        assertEquals(0, run("import-crontab", "--owner", "carol", "crontab", "/etc/cron.d/app"), err.toString());
        assertTrue(out.toString().contains("    command: /usr/bin/a\n    user: carol\n"), out.toString());
        assertTrue(out.toString().contains("    command: /usr/bin/b\n    user: app\n"), out.toString());
        assertEquals(2, run("import-crontab", "--owner", "-x y", "crontab"));
    }

    @Test
    void aUserCrontabWithoutOwnerIsReportedOnce() throws IOException {
        file("/home/me/crontab", "# nightly\n0 2 * * * /usr/bin/a\n0 3 * * * /usr/bin/b\n");
        assertEquals(0, run("import-crontab", "crontab"));
        assertEquals("crontab:2: warning: the owner of this user crontab is unknown (not a spool file such as"
                + " /var/spool/cron/crontabs/NAME, and no --owner NAME): its jobs would run as root; give --owner NAME,"
                + " or set 'user:' in the catalogue\n", err.toString());
        assertFalse(out.toString().contains("user:"), out.toString());
    }

    private static final String BAD_AND_GOOD = String.join("\n",
            "0 1 * * * root /usr/bin/good-1",
            "10 4 * * * * planet-user /usr/sbin/planet",
            "0 2 * * * root /usr/bin/good-2",
            "0 25 * * * root /usr/bin/bad-hour",
            "0 3 * * * root /usr/bin/good-3",
            "");

    @Test
    void withoutSkipInvalidEveryBadLineIsReportedAndNothingWritten() throws IOException {
        file("/etc/cron.d/mixed", BAD_AND_GOOD);
        file("/home/me/jobs.yaml", "old\n");
        assertEquals(1, run("import-crontab", "/etc/cron.d/mixed", "-o", "jobs.yaml"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("/etc/cron.d/mixed:2: error: '*' is not a user name"), lines.get(0));
        assertTrue(lines.get(1).startsWith("/etc/cron.d/mixed:4: error: invalid cron schedule '0 25 * * *'"), lines.get(1));
        assertEquals("old\n", Files.readString(fs.getPath("/home/me/jobs.yaml")), "the old output is left alone");
        assertEquals("", out.toString());
    }

    @Test
    void skipInvalidReportsBadLinesAndConvertsTheRest() throws IOException {
        file("/etc/cron.d/mixed", BAD_AND_GOOD);
        assertEquals(0, run("import-crontab", "--skip-invalid", "/etc/cron.d/mixed", "-o", "jobs.yaml"), err.toString());
        List<String> lines = err.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("/etc/cron.d/mixed:2: error: "), err.toString());
        assertTrue(lines.get(1).startsWith("/etc/cron.d/mixed:4: error: "), err.toString());
        assertEquals("import-crontab: skipped 2 lines with errors (--skip-invalid); the catalogue holds the other 3 jobs",
                lines.get(2));
        String yaml = Files.readString(fs.getPath("/home/me/jobs.yaml"));
        for (String good : List.of("good-1", "good-2", "good-3")) {
            assertTrue(yaml.contains("command: /usr/bin/" + good + "\n"), yaml);
        }
        assertFalse(yaml.contains("planet") || yaml.contains("bad-hour"), yaml);
        assertEquals(0, run("validate", "jobs.yaml"), err.toString());
        assertEquals(1, run("import-crontab", "--skip-invalid", "--strict", "/etc/cron.d/mixed"), "--strict still fails");
    }

    /** Commands of 1 kB to 100 kB (real crontabs hold inline scripts) convert and validate. */
    @Test
    void longCommandsConvertAndValidate() throws IOException {
        for (int size : List.of(1024, 1536, 10 * 1024, 100 * 1024)) {
            String pipeline = "/usr/bin/a" + " | /usr/bin/filter --pattern='x y'".repeat(size / 34 + 1);
            file("/home/me/crontab", "0 2 * * * " + pipeline + "\n");
            out.getBuffer().setLength(0);
            assertEquals(0, run("import-crontab", "--owner", "me", "crontab", "-o", "long.yaml"), err.toString());
            assertEquals(0, run("validate", "long.yaml"), err.toString());
            assertTrue(Files.readString(fs.getPath("/home/me/long.yaml")).length() > size);
        }
    }

    /** Under systemd HOME comes from User= (systemd.exec(5)), not from cron: only a job without a user loses it. */
    @Test
    void homeIsReportedAsMissingOnlyForAJobWithoutUser() throws IOException {
        file("/home/me/crontab", "0 2 * * * ${HOME}/bin/x\n");
        assertEquals(0, run("import-crontab", "crontab"));
        String warnings = err.toString();
        assertTrue(warnings.contains("crontab:1: warning: '${HOME}' in the command: cron set HOME to the crontab owner's"
                + " home directory; a system service has HOME only when it runs with User= (then that user's home, as with"
                + " cron), and this job has no 'user:', so HOME is unset"), warnings);
        assertFalse(warnings.contains("relative path"), warnings);

        err.getBuffer().setLength(0);
        assertEquals(0, run("import-crontab", "--owner", "me", "crontab"));
        assertEquals("", err.toString(), "with User= systemd sets HOME to the user's home, as cron did");

        file("/home/me/crontab", "HOME=/srv\n0 2 * * * ~/bin/x\n");
        assertEquals(0, run("import-crontab", "crontab"));
        assertFalse(err.toString().contains("in the command: cron set HOME"), "HOME= is carried in environment:");
    }

    /**
     * A 5,000-line crontab: the import renders without a flood of timeout-exceeds-gap warnings
     * (with the catalogue's 1h default every job running more often than hourly got one; cron has
     * no timeout, so the import says timeout: infinity).
     */
    @Test
    void aFiveThousandJobImportRendersWithoutATimeoutFlood() throws IOException {
        List<String> schedules = List.of("* * * * *", "*/5 * * * *", "*/15 * * * *", "0 * * * *", "30 2 * * *", "0 4 * * 0",
                "15 */2 * * *", "0 0 1 * *");
        StringBuilder crontab = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            crontab.append(schedules.get(i % schedules.size())).append(" /usr/local/bin/task-").append(i).append(" --run\n");
        }
        file("/home/me/crontab", crontab.toString());
        assertEquals(0, run("import-crontab", "--owner", "app", "crontab", "-o", "big.yaml"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(0, run("render", "-o", "units", "big.yaml"), err.toString());
        String warnings = err.toString();
        assertFalse(warnings.contains("timeout-exceeds-gap"), warnings.lines().limit(20).toList().toString());
        long diagnostics = warnings.lines().filter(l -> l.contains(": warning[")).count();
        assertTrue(diagnostics <= 10, diagnostics + " warnings:\n" + warnings.lines().limit(40).toList());
        try (var units = Files.list(fs.getPath("/home/me/units"))) {
            assertEquals(5000, units.filter(f -> f.toString().endsWith(".timer")).count());
        }
    }
}
