package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --format}: declared once, refused in one wording, described per command. */
class FormatOptionTest {
    private static final String CATALOGUE = "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n";
    /** Each command with --format and the arguments it needs besides. */
    private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("validate", List.of("/c.yaml"));
        COMMANDS.put("calendar", List.of("daily"));
        COMMANDS.put("timespan", List.of("1h"));
        COMMANDS.put("next", List.of("/c.yaml"));
        COMMANDS.put("install", List.of("/c.yaml", "--root", "/node", "--no-systemctl"));
        COMMANDS.put("status", List.of("/c.yaml", "--state-root", "/state"));
        COMMANDS.put("history", List.of("a", "--state-dir", "/state/a"));
    }

    private final CliHarness cli = new CliHarness();

    private CliHarness.Result run(String command, String format) {
        cli.write("/c.yaml", CATALOGUE);
        cli.write("/node/etc/.keep", "");
        cli.write("/state/a/runs.jsonl", "");
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(COMMANDS.get(command));
        args.add("--format=" + format);
        return cli.run(args.toArray(String[]::new));
    }

    private static CommandLine full() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Jobgen.commandLine(new CliContext(sink, sink, java.time.Clock.systemUTC(), java.nio.file.FileSystems.getDefault(), Map.of()));
    }

    @Test
    void everyCommandRefusesAFormatItDoesNotPrintInTheSameWords() {
        for (String command : COMMANDS.keySet()) {
            String choices = command.equals("validate") ? "text, json or github" : "text or json";
            for (String format : command.equals("validate") ? List.of("xml") : List.of("github", "xml", "JSON")) {
                CliHarness.Result r = run(command, format);
                assertEquals(2, r.exit(), command + " " + format + ": " + r.err());
                assertEquals("", r.out());
                assertEquals("jobgen: " + command + ": --format must be " + choices + ", not '" + format + "'. See 'jobgen "
                        + command + " --help'.\n", r.err());
            }
        }
    }

    @Test
    void everyCommandPrintsEachFormatItNames() {
        for (String command : COMMANDS.keySet()) {
            CliHarness.Result json = run(command, "json");
            assertEquals(0, json.exit(), command + ": " + json.err());
            assertTrue(json.out().startsWith("[") || json.out().startsWith("{"), command + " json: " + json.out());
            CliHarness.Result text = run(command, "text");
            assertEquals(0, text.exit(), command + ": " + text.err());
            assertTrue(!text.out().startsWith("[") && !text.out().startsWith("{"), command + " text: " + text.out());
        }
        cli.write("/bad.yaml", "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedul: daily\n");
        CliHarness.Result github = cli.run("validate", "/bad.yaml", "--format", "github");
        assertEquals(1, github.exit(), github.err());
        assertTrue(github.out().startsWith("::error file=/bad.yaml,"), github.out());
    }

    @Test
    void helpAndCompletionListExactlyTheCommandsFormats() {
        CommandLine full = full();
        for (String command : COMMANDS.keySet()) {
            CommandLine.Model.OptionSpec option = full.getSubcommands().get(command).getCommandSpec().findOption("--format");
            List<String> expected = command.equals("validate") ? List.of("text", "json", "github") : List.of("text", "json");
            List<String> candidates = new ArrayList<>();
            option.completionCandidates().forEach(candidates::add);
            assertEquals(expected, candidates, command);
            String description = String.join(" ", option.description());
            assertTrue(description.startsWith("Output: text (default)"), description);
            assertEquals(command.equals("validate"), description.contains("github"), command + ": " + description);
        }
    }

    @Test
    void noCommandDeclaresItsOwnFormatOption() {
        List<String> declaring = new ArrayList<>();
        for (CommandLine sub : full().getSubcommands().values()) {
            Class<?> type = sub.getCommandSpec().userObject().getClass();
            if (declaresFormat(type)) {
                declaring.add(type.getSimpleName());
            }
        }
        assertEquals(List.of(), declaring);
        assertTrue(declaresFormat(FormatOption.class));
    }

    private static boolean declaresFormat(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredFields()), Arrays.stream(type.getDeclaredMethods()))
                .map(m -> ((AccessibleObject) m).getAnnotation(Option.class))
                .anyMatch(o -> o != null && Arrays.asList(o.names()).contains("--format"));
    }
}
