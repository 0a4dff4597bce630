package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What {@code jobgen}, {@code jobgen --help} and every {@code jobgen CMD --help} print, through the real entry point. */
class HelpTextTest {
    private static final List<String> OPTIONS_ONLY_FOR_COMPILING = List.of("--templates", "--runner-path", "--herd-threshold", "--systemd-version");
    private final CliHarness cli = new CliHarness();

    /** Every command and nested command path, e.g. [render], [cluster, init], from the full model. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Jobgen.commandLine(quietContext()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                into.add(path);
                collect(sub, path, into);
            }
        });
    }

    private static CliContext quietContext() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new CliContext(sink, sink, java.time.Clock.systemUTC(), java.nio.file.FileSystems.getDefault(), java.util.Map.of());
    }

    /** Runs {@code action} and returns what picocli printed on the process's own stderr, where its warnings go. */
    private static String processStderrOf(Supplier<?> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsListsEveryCommandWithItsSummaryOnStderrAndExitsTwo() {
        CliHarness.Result r = cli.run();
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        CommandLine full = Jobgen.commandLine(quietContext());
        assertTrue(full.getSubcommands().size() > 10, full.getSubcommands().keySet().toString());
        full.getSubcommands().forEach((name, sub) -> {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
            assertTrue(r.err().lines().anyMatch(l -> l.matches(" +" + java.util.regex.Pattern.quote(name) + " +" + java.util.regex.Pattern.quote(summary))),
                    name + " with '" + summary + "' in\n" + r.err());
        });
    }

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.contains(List.of("cluster", "init")) && paths.contains(List.of("notify")), paths.toString());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliHarness.Result[] result = new CliHarness.Result[1];
            String warnings = processStderrOf(() -> result[0] = cli.run(args.toArray(String[]::new)));
            assertEquals("", warnings, "jobgen " + String.join(" ", args));
            assertEquals(0, result[0].exit(), args + ": " + result[0].err());
            assertEquals("", result[0].err(), args.toString());
            assertTrue(result[0].out().startsWith("Usage: jobgen " + String.join(" ", path)), result[0].out());
        }
    }

    @Command(name = "broken", description = "The failed unit (%i of the template).")
    static final class BrokenHelp implements Runnable {
        @Override
        public void run() {}
    }

    @Test
    void theWarningCheckSeesAWarningWhereThereIsOne() {
        // the control for the test above: the capture must catch picocli's warning for a bare %
        String warnings = processStderrOf(() -> new CommandLine(new BrokenHelp()).getUsageMessage());
        assertTrue(warnings.contains("[picocli WARN]") && warnings.contains("%i"), warnings);
    }

    @Test
    void theCommandListGivesEachCommandOneLineThatFitsEightyColumns() {
        CliHarness.Result r = cli.run("--help");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.size());
        assertEquals(Jobgen.commandLine(quietContext()).getSubcommands().size(), commands.size(), r.out());
        for (String line : commands) {
            assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
            assertTrue(line.matches("  [a-z-]+ +[A-Z].*\\."), "not one complete summary: '" + line + "'");
        }
    }

    @Test
    void nextStatusAndMonitorsOfferOnlyTheOptionsTheyUse() {
        for (String command : List.of("next", "status", "monitors")) {
            String help = cli.run(command, "--help").out();
            for (String option : OPTIONS_ONLY_FOR_COMPILING) {
                assertFalse(help.contains(option), command + " --help lists " + option + ":\n" + help);
            }
        }
        for (String command : List.of("render", "validate", "install")) {
            String help = cli.run(command, "--help").out();
            OPTIONS_ONLY_FOR_COMPILING.forEach(option -> assertTrue(help.contains(option), command + " lacks " + option));
        }
        cli.write("/c.yaml", "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n");
        CliHarness.Result r = cli.run("next", "/c.yaml", "--templates", "/t");
        assertEquals(2, r.exit(), r.err());
        assertEquals("jobgen: next: unknown option '--templates'. See 'jobgen next --help'.\n", r.err());
        assertEquals(0, cli.run("next", "/c.yaml").exit());
    }
}
