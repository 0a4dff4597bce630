package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, validate and next through the real CLI: streams, exit codes, formats. */
class CompileCommandsTest {
    private static final String GOOD = """
            jobgen: 1
            jobs:
              backup:
                description: Backup
                command: [/usr/local/bin/backup, --all]
                schedule: "*-*-* 03:00:00"
                timezone: Europe/Berlin
                jitter: 5min
                lock: node
            """;
    private static final String BAD = """
            jobgen: 1
            jobs:
              backup:
                command: [/usr/local/bin/backup]
                schedul: daily
            """;

    private final CliHarness cli = new CliHarness();

    @Test
    void renderPrintsEveryUnitAfterItsPathAndNothingOnStderr() {
        cli.write("/c.yaml", GOOD);
        CliHarness.Result r = cli.run("render", "/c.yaml");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("# /etc/systemd/system/jobgen-backup.service\n"), r.out());
        assertTrue(r.out().contains("\n# /etc/systemd/system/jobgen-backup.timer\n"), r.out());
        assertTrue(r.out().contains("OnCalendar=*-*-* 03:00:00 Europe/Berlin\n"), r.out());
        assertTrue(r.out().contains("SourcePath=/c.yaml\n"), r.out());
    }

    @Test
    void renderWritesFilesIntoADirectory(@TempDir Path dir) throws Exception {
        CliHarness real = new CliHarness(FileSystems.getDefault(), Map.of("TZ", "UTC"));
        Path catalogue = Files.writeString(dir.resolve("c.yaml"), GOOD);
        Path out = dir.resolve("units");
        CliHarness.Result r = real.run("render", catalogue.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        try (var files = Files.list(out)) {
            assertEquals(java.util.List.of("jobgen-backup.service", "jobgen-backup.timer"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void renderIntoAnExistingDirectoryReplacesItsUnitsAndKeepsOtherFiles(@TempDir Path dir) throws IOException {
        CliHarness real = new CliHarness(FileSystems.getDefault(), Map.of("TZ", "UTC"));
        Path catalogue = Files.writeString(dir.resolve("c.yaml"), GOOD);
        Path out = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(out.resolve("README"), "mine");
        Files.writeString(out.resolve("jobgen-backup.timer"), "stale");
        CliHarness.Result r = real.run("render", catalogue.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(java.util.List.of("README", "jobgen-backup.service", "jobgen-backup.timer"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("mine", Files.readString(out.resolve("README")));
        assertTrue(Files.readString(out.resolve("jobgen-backup.timer")).contains("[Timer]"));
    }

    @Test
    void anOutputThatCannotBeADirectorySaysWhyAndWritesNothing(@TempDir Path dir) throws IOException {
        CliHarness real = new CliHarness(FileSystems.getDefault(), Map.of("TZ", "UTC"));
        Path catalogue = Files.writeString(dir.resolve("c.yaml"), GOOD);
        Path file = Files.writeString(dir.resolve("plain-file"), "mine");
        CliHarness.Result under = real.run("render", catalogue.toString(), "-o", file.resolve("units").toString());
        assertEquals(1, under.exit(), under.out());
        assertTrue(under.err().startsWith("jobgen: cannot write to " + file.resolve("units") + ": "), under.err());
        assertTrue(under.err().contains("plain-file") && !under.err().contains("Exception"), under.err());
        CliHarness.Result onto = real.run("render", catalogue.toString(), "-o", file.toString());
        assertEquals(2, onto.exit(), onto.out());
        assertEquals("jobgen: render: -o " + file + ": not a directory. See 'jobgen render --help'.\n", onto.err());
        assertEquals("mine", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of("c.yaml", "plain-file"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** A misspelt key is one mistake: no second diagnostic about the key it stands for missing. */
    @Test
    void aMistakeIsOneDiagnosticWithExcerptAndHintAndExitOne() {
        cli.write("/bad.yaml", BAD);
        CliHarness.Result r = cli.run("render", "/bad.yaml");
        assertEquals(1, r.exit());
        assertEquals("", r.out(), "no units for an invalid catalogue");
        assertEquals("""
                /bad.yaml:5:5: error[unknown-key]: unknown key 'schedul' in job 'backup'
                        schedul: daily
                        ^
                  hint: did you mean 'schedule'?
                """, r.err());
    }

    /**
     * An unknown key that is no typo of the schedule leaves the schedule missing too: both are
     * reported in source order, and at one place the unknown key (found first) comes first.
     * validate ends with the totals.
     */
    @Test
    void diagnosticsComeInSourceOrderAndValidateEndsWithTheTotals() {
        cli.write("/two.yaml", """
                jobgen: 1
                jobs:
                  backup:
                    when: daily
                    command: [/usr/local/bin/backup]
                  other:
                    command: [/bin/true]
                    schedule: daily
                """);
        CliHarness.Result r = cli.run("validate", "/two.yaml");
        assertEquals(1, r.exit());
        assertEquals(List.of("/two.yaml:4:5: error[unknown-key]: unknown key 'when' in job 'backup'",
                "/two.yaml:4:5: error[missing-schedule]: job 'backup' has no schedule",
                "2 errors, 0 warnings in 2 jobs"), r.err().lines().filter(l -> !l.startsWith(" ")).toList(), r.err());

        cli.write("/warns.yaml", "jobgen: 1\njobs:\n  other:\n    command: [/bin/true]\n    schedule: daily\n    retry: {attempts: 2}\n");
        CliHarness.Result warns = cli.run("validate", "/warns.yaml");
        assertEquals(0, warns.exit());
        assertEquals(List.of("/warns.yaml:6:5: warning[retry-not-idempotent]: job 'other' retries but is not idempotent: a retried run may repeat work",
                "0 errors, 1 warning in 1 job"), warns.err().lines().filter(l -> !l.startsWith(" ")).toList(), warns.err());
    }

    /** The catalogue's own warning (no-jobs) is silenced by the top-level list: the run is clean. */
    @Test
    void aCatalogueSilencesItsOwnWarning() {
        cli.write("/empty.yaml", "jobgen: 1\n");
        assertEquals(1, cli.run("validate", "--strict", "/empty.yaml").exit(), "no-jobs fails --strict");
        cli.write("/quiet.yaml", "jobgen: 1\nignore-warnings: [no-jobs]\n");
        CliHarness.Result r = cli.run("validate", "--strict", "/quiet.yaml");
        assertEquals("ok: 0 jobs in 1 catalogue\n", r.err());
        assertEquals(0, r.exit());
    }

    @Test
    void validateJsonIsOneDocumentOnStdout() throws Exception {
        cli.write("/bad.yaml", BAD);
        CliHarness.Result r = cli.run("validate", "--format", "json", "/bad.yaml");
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertFalse(doc.get("valid").asBoolean());
        assertEquals(1, doc.get("errors").asInt());
        assertEquals(0, doc.get("warnings").asInt());
        assertEquals(1, doc.get("jobs").asInt(), "the jobs checked, bound or not");
        JsonNode first = doc.get("diagnostics").get(0);
        assertEquals("unknown-key", first.get("code").asText());
        assertEquals(5, first.get("line").asInt());
        assertEquals(5, first.get("column").asInt());
    }

    @Test
    void validateGithubPrintsWorkflowAnnotations() {
        cli.write("/bad.yaml", BAD);
        CliHarness.Result r = cli.run("validate", "--format", "github", "/bad.yaml");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("::error file=/bad.yaml,line=5,col=5,title=jobgen unknown-key::unknown key 'schedul' in job 'backup' (hint: did you mean 'schedule'?)"), r.out());
    }

    @Test
    void strictTurnsWarningsIntoFailure() {
        cli.write("/w.yaml", GOOD.replace("    lock: node\n", "    lock: node\n    retry: { attempts: 2 }\n"));
        assertEquals(0, cli.run("validate", "/w.yaml").exit());
        CliHarness.Result strict = cli.run("validate", "--strict", "/w.yaml");
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("warning[retry-not-idempotent]"), strict.err());
    }

    @Test
    void usageErrorsExitTwoAndMissingFilesExitOneWithoutStackTraces() {
        CliHarness.Result usage = cli.run("validate", "--format", "yaml", "/x.yaml");
        assertEquals(2, usage.exit());
        CliHarness.Result missing = cli.run("validate", "/nope.yaml");
        assertEquals(1, missing.exit());
        assertEquals("jobgen: /nope.yaml: no such file\n", missing.err());
        assertFalse(usage.err().contains("\tat "), usage.err());
    }

    @Test
    void aHerdThresholdBelowOneIsAUsageError() {
        cli.write("/c.yaml", GOOD);
        CliHarness.Result r = cli.run("validate", "--herd-threshold", "0", "/c.yaml");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("jobgen: validate: --herd-threshold must be at least 1. See 'jobgen validate --help'.\n", r.err());
        assertEquals(0, cli.run("validate", "--herd-threshold", "1", "/c.yaml").exit());
    }

    @Test
    void systemdVersionOverrideChangesTheRenderedForm() {
        cli.write("/c.yaml", GOOD);
        assertTrue(cli.run("render", "/c.yaml").out().contains("FixedRandomDelay=yes"));
        assertFalse(cli.run("render", "--systemd-version", "245", "/c.yaml").out().contains("FixedRandomDelay"));
    }

    @Test
    void userTemplatesReplaceBuiltInOnesByName() {
        cli.write("/c.yaml", GOOD);
        cli.write("/tpl/timer.ftl", "# custom timer for ${name}\n<#list sections as s>[${s.name}]\n</#list>");
        CliHarness.Result r = cli.run("render", "--templates", "/tpl", "/c.yaml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("# custom timer for jobgen-backup.timer\n[Unit]\n[Timer]\n[Install]\n"), r.out());
        assertTrue(r.out().contains("[Service]\nType=oneshot\n"), "the service keeps the built-in template");
        cli.write("/broken/service.ftl", "<#list nothing as x>");
        CliHarness.Result broken = cli.run("render", "--templates", "/broken", "/c.yaml");
        assertEquals(1, broken.exit());
        assertTrue(broken.err().startsWith("jobgen: template service.ftl: "), broken.err());
    }

    @Test
    void aUserTemplateCannotCreateJavaObjectsOrReachTheApi() {
        cli.write("/c.yaml", GOOD);
        cli.write("/evil/timer.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        CliHarness.Result r = cli.run("render", "--templates", "/evil", "/c.yaml");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("jobgen: template timer.ftl: "), r.err());
        cli.write("/api/timer.ftl", "${name?api.length()}");
        CliHarness.Result api = cli.run("render", "--templates", "/api", "/c.yaml");
        assertEquals(1, api.exit(), api.out());
    }

    @Test
    void nextListsRunsInTheJobZoneAndUtcWithTheJitterWindow() {
        cli.write("/c.yaml", GOOD);
        CliHarness.Result r = cli.run("next", "/c.yaml", "--count", "2", "--from", "2026-03-28T12:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                backup  Sun 2026-03-29 03:00:00 CEST  2026-03-29T01:00:00Z  jitter until Sun 2026-03-29 03:05:00 CEST
                backup  Mon 2026-03-30 03:00:00 CEST  2026-03-30T01:00:00Z  jitter until Mon 2026-03-30 03:05:00 CEST
                """, r.out());
        assertEquals(2, cli.run("next", "/c.yaml", "--job", "nope").exit());
    }

    /** systemd 247 goes on from the day mktime() moved a repetition to; 252 from the month's 1st. */
    @Test
    void nextComputesRunsAsTheCatalogueTargetDoes() {
        String catalogue = """
                jobgen: 1
                target: { systemd: %d }
                jobs:
                  weekly-ish:
                    command: [/bin/true]
                    schedule: "*-*-1/7 06:00"
                    timezone: UTC
                """;
        cli.write("/247.yaml", catalogue.formatted(247));
        cli.write("/252.yaml", catalogue.formatted(252));
        CliHarness.Result old = cli.run("next", "/247.yaml", "--count", "1", "--from", "2026-01-29T12:00:00Z");
        CliHarness.Result current = cli.run("next", "/252.yaml", "--count", "1", "--from", "2026-01-29T12:00:00Z");
        assertEquals(0, old.exit(), old.err());
        assertTrue(old.out().contains("2026-02-08T06:00:00Z"), old.out());
        assertTrue(current.out().contains("2026-02-01T06:00:00Z"), current.out());
    }

    @Test
    void aSubcommandRunBuildsOnlyThatCommandButHelpListsAll() {
        var ctx = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                java.time.Clock.systemUTC(), cli.fs, Map.of());
        assertEquals(java.util.Set.of("help", "calendar"), Jobgen.commandLine(ctx, new String[] {"calendar", "daily"}).getSubcommands().keySet());
        assertTrue(Jobgen.commandLine(ctx, new String[] {"--help"}).getSubcommands().keySet().containsAll(
                java.util.List.of("render", "validate", "calendar", "timespan", "next", "install", "status", "history", "notify", "import-crontab")));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : java.util.List.of("render", "validate", "calendar", "timespan", "next", "install", "status",
                "history", "notify", "import-crontab")) {
            CliHarness.Result r = cli.run(command, "--help");
            assertEquals(0, r.exit(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: jobgen " + command), command + ": " + r.out());
        }
    }
}
