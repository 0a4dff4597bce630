package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jobgen.monitorapi.FakeCronitor;
import dev.jobgen.monitorapi.FakeHealthchecks;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code jobgen monitors} through the real CLI against loopback servers that implement the
 * providers' documented API and refuse what they refuse: plan changes nothing, apply creates,
 * a second apply changes nothing, a changed catalogue updates only what changed.
 */
class MonitorsCommandTest {
    private static final String KEY = "hc-key-0123456789";
    private static final String CATALOGUE = """
            jobgen: 1
            jobs:
              backup:
                description: Nightly backup
                command: /usr/bin/true
                schedule: "Mon..Fri 02:30"
                timezone: Europe/Berlin
                jitter: 5min
                timeout: 10min
              report:
                command: /usr/bin/true
                cron: "15 6 * * 1"
                timeout: 20min
                retry: {attempts: 2, delay: 30s}
              sync:
                command: /usr/bin/true
                every: 2h
              odd:
                command: /usr/bin/true
                schedule: "*-*-* 02:00:30"
                timeout: 5min
              at-boot:
                command: /usr/bin/true
                cron: "@reboot"
              off:
                command: /usr/bin/true
                schedule: daily
                enabled: false
            """;

    private final CliHarness cli = new CliHarness(
            Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build()),
            Map.of("TZ", "UTC", "CREDENTIALS_DIRECTORY", "/run/credentials/jobgen-monitors.service"));

    private CliHarness.Result monitors(String action, String provider, String url, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("monitors", action, "/c.yaml", "--provider", provider, "--api-url", url));
        args.addAll(List.of(more.length == 0 ? new String[] {"--api-key-file", "/etc/jobgen/api.key"} : more));
        return cli.run(args.toArray(String[]::new));
    }

    private void keyFile(String key, String mode) throws Exception {
        Files.setPosixFilePermissions(cli.write("/etc/jobgen/api.key", key + "\n"), PosixFilePermissions.fromString(mode));
    }

    @Test
    void healthchecksTakesTheCalendarAndASecondApplyChangesNothing() throws Exception {
        cli.write("/c.yaml", CATALOGUE);
        keyFile(KEY, "rw-------");
        try (FakeHealthchecks hc = new FakeHealthchecks(KEY)) {
            CliHarness.Result plan = monitors("plan", "healthchecks", hc.url());
            assertEquals(0, plan.exit(), plan.err());
            assertTrue(plan.out().contains("create backup: calendar \"Mon..Fri 02:30 Europe/Berlin\" tz Europe/Berlin"
                    + " (healthchecks takes OnCalendar expressions), grace 961s"), plan.out());
            assertTrue(plan.out().contains("create report: cron \"15 6 * * 1\" tz UTC (the job's own cron line), grace 2491s"), plan.out());
            assertTrue(plan.out().contains("create sync: period 7200s"), plan.out());
            assertTrue(plan.out().contains("skip at-boot: @reboot has no schedule to watch"), plan.out());
            assertTrue(plan.out().contains("skip off: enabled: false"), plan.out());
            assertTrue(plan.out().contains("4 to create, 0 to update, 0 unchanged, 2 skipped at healthchecks"), plan.out());
            assertEquals(List.of(), hc.writes(), "plan wrote");

            CliHarness.Result apply = monitors("apply", "healthchecks", hc.url());
            assertEquals(0, apply.exit(), apply.err());
            assertTrue(apply.out().contains("4 created, 0 updated"), apply.out());
            assertEquals(4, hc.checks.size());
            ObjectNode backup = check(hc, "backup");
            assertEquals("Mon..Fri 02:30 Europe/Berlin", backup.get("schedule").asText());
            assertEquals("Europe/Berlin", backup.get("tz").asText());
            assertEquals(961, backup.get("grace").asLong());
            assertEquals("Nightly backup", backup.get("desc").asText());
            assertFalse(backup.has("timeout"), backup.toString());
            assertEquals(7200, check(hc, "sync").get("timeout").asLong());

            int before = hc.writes().size();
            CliHarness.Result again = monitors("apply", "healthchecks", hc.url());
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.out().contains("0 created, 0 updated, 4 unchanged"), again.out());
            assertEquals(before, hc.writes().size(), "a second apply wrote: " + hc.writes());

            // a longer timeout changes only the grace of that one check
            cli.write("/c.yaml", CATALOGUE.replace("timeout: 10min", "timeout: 15min"));
            CliHarness.Result changed = monitors("plan", "healthchecks", hc.url());
            assertTrue(changed.out().contains("update backup:") && changed.out().contains("  ~ grace: 961 -> 1261"), changed.out());
            assertTrue(changed.out().contains("0 to create, 1 to update, 3 unchanged"), changed.out());
            monitors("apply", "healthchecks", hc.url());
            assertEquals(1261, check(hc, "backup").get("grace").asLong());
            assertEquals(before + 1, hc.writes().size(), hc.writes().toString());
        }
    }

    @Test
    void cronitorGetsAnExactCronLineOrAPeriod() throws Exception {
        cli.write("/c.yaml", CATALOGUE);
        keyFile(KEY, "rw-r-----");
        try (FakeCronitor cr = new FakeCronitor(KEY)) {
            CliHarness.Result apply = monitors("apply", "cronitor", cr.url());
            assertEquals(0, apply.exit(), apply.err());
            assertTrue(apply.out().contains("create backup: cron \"30 2 * * 1-5\" tz Europe/Berlin (a cron line with the same elapses)"), apply.out());
            assertTrue(apply.out().contains("create odd: period 86400s (no exact cron line; the longest gap between elapses)"), apply.out());
            assertEquals("30 2 * * 1-5", cr.monitors.get("backup").get("schedule").asText());
            assertEquals("Europe/Berlin", cr.monitors.get("backup").get("timezone").asText());
            assertEquals("every 1 days", cr.monitors.get("odd").get("schedule").asText());
            assertEquals("every 2 hours", cr.monitors.get("sync").get("schedule").asText());
            assertEquals(2491, cr.monitors.get("report").get("grace_seconds").asLong());
            assertEquals(List.of("PUT /api/monitors"), cr.writes());

            CliHarness.Result again = monitors("apply", "cronitor", cr.url());
            assertTrue(again.out().contains("0 created, 0 updated, 4 unchanged"), again.out());
            assertEquals(List.of("PUT /api/monitors"), cr.writes(), "a second apply wrote");
        }
    }

    /**
     * Each catalogue by its own target: 257 fires {@code *-*-1/7 06:00} in New York on January
     * 1st as cron does, 252 goes from December 29th to January 8th, so only 257 gets the line.
     */
    @Test
    void eachCatalogueIsPlannedByItsTarget() throws Exception {
        String catalogue = """
                jobgen: 1
                target: { systemd: %d }
                jobs:
                  weekly-%d:
                    command: /usr/bin/true
                    schedule: "*-*-1/7 06:00"
                    timezone: America/New_York
                """;
        cli.write("/257.yaml", catalogue.formatted(257, 257));
        cli.write("/252.yaml", catalogue.formatted(252, 252));
        keyFile(KEY, "rw-r-----");
        try (FakeCronitor cr = new FakeCronitor(KEY)) {
            CliHarness.Result plan = cli.run("monitors", "plan", "/257.yaml", "/252.yaml", "--provider", "cronitor",
                    "--api-url", cr.url(), "--api-key-file", "/etc/jobgen/api.key");
            assertEquals(0, plan.exit(), plan.err());
            assertTrue(plan.out().contains("create weekly-257: cron \"0 6 1-31/7 * *\" tz America/New_York"), plan.out());
            assertTrue(plan.out().contains("create weekly-252: period 864000s"), plan.out());
        }
    }

    @Test
    void aRefusedKeyIsOneLine() throws Exception {
        cli.write("/c.yaml", CATALOGUE);
        keyFile("not-the-key", "rw-------");
        try (FakeHealthchecks hc = new FakeHealthchecks(KEY); FakeCronitor cr = new FakeCronitor(KEY)) {
            CliHarness.Result r = monitors("plan", "healthchecks", hc.url());
            assertEquals(1, r.exit());
            assertEquals("jobgen: healthchecks refused the API key (HTTP 401, the list of checks): {\"error\":\"wrong api key\"}\n", r.err());
            CliHarness.Result c = monitors("apply", "cronitor", cr.url());
            assertEquals(1, c.exit());
            assertTrue(c.err().startsWith("jobgen: cronitor refused the API key (HTTP 403"), c.err());
            assertTrue(cr.monitors.isEmpty());
        }
    }

    @Test
    void whatTheProviderRejectsIsReportedAndNothingElseHappens() throws Exception {
        // Healthchecks takes names of up to 100 characters; job names may be longer
        String longName = "a".repeat(101);
        cli.write("/c.yaml", "jobgen: 1\njobs:\n  " + longName + ":\n    command: /usr/bin/true\n    schedule: daily\n");
        keyFile(KEY, "rw-------");
        try (FakeHealthchecks hc = new FakeHealthchecks(KEY)) {
            CliHarness.Result r = monitors("apply", "healthchecks", hc.url());
            assertEquals(1, r.exit(), r.out());
            assertEquals("jobgen: healthchecks rejected the new check " + longName
                    + " (HTTP 400): {\"error\":\"json validation error: name is too long\"}\n", r.err());
            assertTrue(hc.checks.isEmpty());
        }
    }

    @Test
    void theKeyComesFromACredentialOrAPrivateFileNeverFromArgv() throws Exception {
        cli.write("/c.yaml", CATALOGUE);
        cli.write("/run/credentials/jobgen-monitors.service/hc", KEY + "\n");
        try (FakeHealthchecks hc = new FakeHealthchecks(KEY)) {
            CliHarness.Result viaCredential = monitors("plan", "healthchecks", hc.url(), "--api-key-credential", "hc");
            assertEquals(0, viaCredential.exit(), viaCredential.err());

            keyFile(KEY, "rw-r--r--");
            CliHarness.Result readable = monitors("plan", "healthchecks", hc.url());
            assertEquals(1, readable.exit());
            assertTrue(readable.err().contains("is readable by every user"), readable.err());

            CliHarness.Result argv = monitors("plan", "healthchecks", hc.url(), "--api-key", KEY);
            assertEquals(2, argv.exit(), argv.out());
            CliHarness.Result plainHttp = monitors("plan", "healthchecks", "http://hc.example.com", "--api-key-credential", "hc");
            assertEquals(2, plainHttp.exit());
            assertTrue(plainHttp.err().contains("must be an https:// URL"), plainHttp.err());
            assertEquals(1, hc.requests.size(), "only the credential run reached the server: " + hc.requests);
        }
    }

    private static ObjectNode check(FakeHealthchecks hc, String name) {
        return hc.checks.values().stream().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
