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
        assertEquals(1, run("import-crontab", "--strict", "crontab", "-o", "jobs.yaml"));
        assertEquals("crontab:1: warning: @reboot", err.toString().substring(0, "crontab:1: warning: @reboot".length()));
        assertFalse(Files.exists(fs.getPath("/home/me/jobs.yaml")));
        assertEquals("", out.toString());
    }

    @Test
    void withoutStrictWarningsStillConvert() throws IOException {
        file("/home/me/crontab", "@reboot /usr/bin/warm\n");
        assertEquals(0, run("import-crontab", "crontab"));
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
}
