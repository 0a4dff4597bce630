package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command line picocli cannot parse: one {@code jobgen:} line, a did-you-mean, where to read on, exit 2. */
class UsageErrorsTest {
    private static final String CATALOGUE = "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n";
    private final CliHarness cli = new CliHarness();

    private void assertUsageError(String expectedErr, String... args) {
        cli.write("/c.yaml", CATALOGUE);
        CliHarness.Result r = cli.run(args);
        assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
        assertEquals("", r.out(), "nothing on stdout, no usage dump");
        assertEquals(expectedErr + "\n", r.err());
    }

    @Test
    void anUnknownOptionSuggestsTheNearOne() {
        assertUsageError("jobgen: render: unknown option '--outdir'. Did you mean '--output'? See 'jobgen render --help'.",
                "render", "/c.yaml", "--outdir", "/units");
        assertUsageError("jobgen: next: unknown option '--cout'. Did you mean '--count'? See 'jobgen next --help'.",
                "next", "/c.yaml", "--cout=3");
    }

    @Test
    void anOptionFarFromEveryOtherGetsNoGuess() {
        assertUsageError("jobgen: render: unknown option '--zzzzzzzz'. See 'jobgen render --help'.", "render", "/c.yaml", "--zzzzzzzz");
    }

    @Test
    void anUnknownCommandSuggestsTheNearOne() {
        assertUsageError("jobgen: 'rendr' is not a jobgen command. Did you mean 'render'? See 'jobgen --help'.", "rendr", "/c.yaml");
        assertUsageError("jobgen: 'valdiate' is not a jobgen command. Did you mean 'validate'? See 'jobgen --help'.", "valdiate", "/c.yaml");
        assertUsageError("jobgen: unknown subcommand 'rendr'. Did you mean 'render'? See 'jobgen --help'.", "help", "rendr");
        assertUsageError("jobgen: cluster: 'ini' is not a jobgen cluster command. Did you mean 'init'? See 'jobgen cluster --help'.",
                "cluster", "ini");
    }

    @Test
    void aMissingArgumentIsOneLineNotTheUsage() {
        assertUsageError("jobgen: render: missing required parameter: 'CATALOGUE'. See 'jobgen render --help'.", "render");
        assertUsageError("jobgen: render: missing required parameter for option '--output' (DIR). See 'jobgen render --help'.",
                "render", "/c.yaml", "--output");
    }

    @Test
    void aValueOfTheWrongTypeIsOneLine() {
        assertUsageError("jobgen: history: invalid value for option '--limit': 'many' is not an int. See 'jobgen history --help'.",
                "history", "backup", "--limit", "many");
    }

    @Test
    void anExtraArgumentIsNamed() {
        assertUsageError("jobgen: history: unexpected argument 'extra'. See 'jobgen history --help'.", "history", "backup", "extra");
    }

    @Test
    void aValueTheCommandRefusesReadsLikeOnePicocliRefuses() {
        assertUsageError("jobgen: next: --count must be at least 1. See 'jobgen next --help'.", "next", "/c.yaml", "--count", "0");
    }

    @Test
    void noUsageErrorPrintsAStackTraceOrTheUsage() {
        cli.write("/c.yaml", CATALOGUE);
        for (List<String> args : List.of(List.of("render", "-x"), List.of("install"), List.of("calendar", "--iterations"),
                List.of("status", "/c.yaml", "--format"), List.of("monitors", "plan", "/c.yaml"), List.of("--bogus"))) {
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertEquals(1, r.err().lines().count(), args + ": " + r.err());
            assertTrue(r.err().startsWith("jobgen: ") && r.err().contains(" --help'.") && !r.err().contains("Usage:")
                    && !r.err().contains("Exception"), args + ": " + r.err());
        }
    }
}
