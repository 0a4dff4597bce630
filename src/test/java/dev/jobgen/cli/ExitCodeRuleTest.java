package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one exit-code rule, command by command: 0 done; 1 the work was done and found something
 * wrong or could not be finished (catalogue errors, a failed check, an unhealthy job, a file that
 * cannot be read or written); 2 the command line is wrong and nothing was done (unknown command
 * or option, missing or malformed argument, a value out of range or naming nothing, a directory
 * option naming a non-directory).
 */
class ExitCodeRuleTest {
    private static final String GOOD = "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n";
    private static final String BAD = "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: nonsense\n";
    private final CliHarness cli = new CliHarness();

    private record Case(int exit, List<String> args) {
        static Case of(int exit, String... args) {
            return new Case(exit, List.of(args));
        }
    }

    private void assertExits(List<Case> cases) {
        cli.write("/good.yaml", GOOD);
        cli.write("/bad.yaml", BAD);
        cli.write("/plain-file", "not a directory\n");
        cli.write("/node/etc/.keep", "");
        for (Case c : cases) {
            CliHarness.Result r = cli.run(c.args().toArray(String[]::new));
            assertEquals(c.exit(), r.exit(), String.join(" ", c.args()) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
            if (c.exit() != 0) {
                assertTrue(!r.err().isEmpty() || !r.out().isEmpty(), c.args() + ": says nothing");
                assertTrue(!r.err().contains("Exception") && !r.err().contains("Usage:"), c.args() + ": " + r.err());
            }
            if (c.exit() == 2) {
                assertEquals(1, r.err().lines().count(), c.args() + ": " + r.err());
                assertTrue(r.err().strip().endsWith(" --help'."), c.args() + ": " + r.err());
            }
        }
    }

    @Test
    void theCommandLineIsWrongExitsTwo() {
        assertExits(List.of(
                Case.of(2, "rendr", "/good.yaml"),
                Case.of(2, "render", "/good.yaml", "--outdir", "/out"),
                Case.of(2, "render"),
                Case.of(2, "render", "/good.yaml", "-o", "/plain-file"),
                Case.of(2, "render", "/good.yaml", "--templates", "/plain-file"),
                Case.of(2, "validate", "/good.yaml", "--herd-threshold", "0"),
                Case.of(2, "validate", "-", "-"),
                Case.of(2, "validate", "/good.yaml", "--systemd-version", "1"),
                Case.of(2, "install", "/good.yaml", "--root", "/missing"),
                Case.of(2, "install", "/good.yaml", "--root", "/node", "--owner", "Ops Team"),
                Case.of(2, "next", "/good.yaml", "--job", "nosuch"),
                Case.of(2, "next", "/good.yaml", "--from", "yesterday"),
                Case.of(2, "status", "/good.yaml", "--metrics-dir", "/plain-file"),
                Case.of(2, "status", "/good.yaml", "--format", "github"),
                Case.of(2, "history", "Not A Job"),
                Case.of(2, "history", "a", "--limit", "-1"),
                Case.of(2, "calendar", "daily", "--iterations", "0"),
                Case.of(2, "calendar", "daily", "--base-time", "soon"),
                Case.of(2, "timespan", "1h", "--systemd-version", "abc"),
                Case.of(2, "notify", "a/b.service"),
                Case.of(2, "cluster")));
    }

    @Test
    void theWorkFoundSomethingWrongExitsOne() {
        assertExits(List.of(
                Case.of(1, "validate", "/bad.yaml"),
                Case.of(1, "validate", "/missing.yaml"),
                Case.of(1, "render", "/bad.yaml"),
                Case.of(1, "render", "/missing.yaml"),
                Case.of(1, "render", "/good.yaml", "-o", "/plain-file/units"),
                Case.of(1, "next", "/bad.yaml"),
                Case.of(1, "status", "/bad.yaml"),
                Case.of(1, "install", "/good.yaml", "--root", "/node", "--no-systemctl", "--check"),
                Case.of(1, "history", "a", "--state-dir", "/nothing-here"),
                Case.of(1, "timespan", "forever"),
                Case.of(1, "notify", "jobgen-a.service", "--unit-dir", "/nothing-here")));
    }

    @Test
    void theWorkWasDoneExitsZero() {
        assertExits(List.of(
                Case.of(0, "--help"),
                Case.of(0, "help", "render"),
                Case.of(0, "render", "--help"),
                Case.of(0, "validate", "/good.yaml"),
                Case.of(0, "render", "/good.yaml", "-o", "/out"),
                Case.of(0, "install", "/good.yaml", "--root", "/node", "--no-systemctl"),
                Case.of(0, "install", "/good.yaml", "--root", "/node", "--no-systemctl", "--check"),
                Case.of(0, "next", "/good.yaml"),
                Case.of(0, "calendar", "daily"),
                Case.of(0, "timespan", "1h")));
    }
}
