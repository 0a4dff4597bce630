package dev.jobgen.packaging;

import dev.jobgen.bind.CatalogueKeys;
import dev.jobgen.cli.CliContext;
import dev.jobgen.cli.Jobgen;
import dev.jobgen.cli.SchemaCommand;
import dev.jobgen.runspec.RunFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * Build step of the node packages (run by Maven in {@code package}, before build-package.sh):
 * writes the man pages and the shell completion from the same picocli model that prints
 * {@code --help}, and {@code jobgen-run(1)} from the runner's own usage text, so none of them can
 * drift from the program. The written parts come from the reference under src/docs:
 * {@code jobgen.yaml(5)} is the catalogue reference, {@code jobgen-run(1)} gains the runner's (its
 * flags, locks, period stamps, heartbeats, history), through {@link MarkdownRoff}. Lives in test
 * scope: the jar does not need to carry it, nor the Markdown parser.
 *
 * <p>Usage: {@code PackageDocs OUT_DIR VERSION DATE DOCS_DIR} writes OUT_DIR/man/*.[15] and
 * OUT_DIR/completion/{jobgen.bash,_jobgen} and OUT_DIR/catalogue.schema.json (what {@code jobgen schema} prints).
 */
public final class PackageDocs {
    private static final String SOURCE_PREFIX = "jobgen ";

    private final CommandLine root;
    private final String version;
    private final String date;
    private final RunnerUsage runner;
    private final Path docs;

    PackageDocs(String version, String date, Path docs) throws IOException {
        StringWriter sink = new StringWriter();
        PrintWriter quiet = new PrintWriter(sink);
        this.root = Jobgen.commandLine(new CliContext(quiet, quiet, Clock.systemUTC(), FileSystems.getDefault(), Map.of()));
        this.version = version;
        this.date = date;
        this.runner = RunnerUsage.load();
        this.docs = docs;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: PackageDocs OUT_DIR VERSION DATE DOCS_DIR");
        }
        new PackageDocs(args[1], args[2].length() > 10 ? args[2].substring(0, 10) : args[2], Path.of(args[3]))
                .writeAll(Path.of(args[0]));
    }

    void writeAll(Path out) throws IOException {
        Path man = Files.createDirectories(out.resolve("man"));
        write(man.resolve("jobgen.1"), mainPage());
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            write(man.resolve("jobgen-" + sub.getCommandName() + ".1"), commandPage(sub.getCommandSpec()));
        }
        write(man.resolve("jobgen-run.1"), runnerPage());
        write(man.resolve("jobgen.yaml.5"), cataloguePage());
        Path completion = Files.createDirectories(out.resolve("completion"));
        String bash = bashCompletion();
        write(completion.resolve("jobgen.bash"), bash);
        write(completion.resolve("_jobgen"), zshCompletion(bash));
        write(out.resolve("catalogue.schema.json"), SchemaCommand.text() + "\n");
    }

    /** The pages of the reference a man page is made of, and where each chapter of the runner's goes. */
    static final String CATALOGUE_REFERENCE = "catalogue.md";
    static final String RUNNER_REFERENCE = "runner.md";
    static final List<String> RUNNER_CHAPTERS = List.of("locks.md", "stamps.md", "heartbeats.md", "history.md");
    /** The reference of a command, after its options: each page's first heading becomes a section. */
    static final Map<String, String> COMMAND_REFERENCES = Map.of(
            "install", "install.md",
            "status", "status.md",
            "notify", "notify.md",
            "history", "history.md",
            "cluster", "cluster.md",
            "import-crontab", "cron.md",
            "monitors", "alerting.md",
            "validate", "diagnostics.md");
    /** What every command shares (exit codes, templates, atomic writes, JSON output) ends jobgen(1). */
    static final String COMMANDS_REFERENCE = "commands.md";

    private String reference(String name) throws IOException {
        return Files.readString(docs.resolve(name), StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String source() {
        return SOURCE_PREFIX + version;
    }

    /** The commands in the order {@code jobgen --help} lists them, {@code run} first: it is what units call. */
    private List<String> pageNames() {
        List<String> names = new ArrayList<>();
        names.add("jobgen-run(1)");
        for (String name : root.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                names.add("jobgen-" + name + "(1)");
            }
        }
        return names;
    }

    String mainPage() throws IOException {
        CommandSpec spec = root.getCommandSpec();
        Roff r = new Roff("jobgen", 1, date, source(), "jobgen", lowerFirst(text(spec.usageMessage().description())));
        r.section("SYNOPSIS");
        r.item("jobgen COMMAND [OPTIONS] [ARGS...]", "");
        r.item("jobgen --help | --version", "");
        r.section("DESCRIPTION").paragraph("""
                jobgen compiles a YAML job catalogue (see jobgen.yaml(5)) into systemd .service and .timer units, \
                checked offline with the same answers as systemd, and installs them. The units call jobgen run, \
                the wrapper runner that adds locking, one success per period, heartbeat pings, retries and a run history.
                This is the node launcher: it runs /usr/lib/jobgen/jobgen.jar on the Java runtime with a \
                class-data-sharing archive, so that jobgen run starts fast.""");
        r.section("COMMANDS");
        r.item("run", runner.summary() + "\nSee jobgen-run(1).");
        for (CommandLine sub : root.getSubcommands().values()) {
            String name = sub.getCommandName();
            if (!name.equals("help")) {
                r.item(name, text(sub.getCommandSpec().usageMessage().description()) + "\nSee jobgen-" + name + "(1).");
            }
        }
        r.item("help [COMMAND]", "Shows the usage of jobgen or of one command.");
        options(r, spec);
        r.section("ENVIRONMENT");
        r.item("JOBGEN_JAR", "The jar to run (default: ../lib/jobgen/jobgen.jar beside the launcher, else /usr/lib/jobgen/jobgen.jar).");
        r.item("JOBGEN_CDS_DIR", "Where the class-data-sharing archives live (default /var/cache/jobgen).");
        r.item("JOBGEN_JAVA", "The java binary (default: java on PATH).");
        r.item("jobgen --create-cds", "Creates the archives for the installed jar now and prints their paths; "
                + "the package's postinst runs it.");
        r.section("FILES");
        r.item("/usr/lib/jobgen/jobgen.jar", "The program.");
        r.item("/var/cache/jobgen/", "Class-data-sharing archives, named by the jar's SHA-256.");
        r.item("/run/lock/jobgen/", "The runner's lock files; made root-owned at boot by tmpfiles.d.");
        r.item("/var/lib/jobgen/JOB/", "A job's period stamps and run history (its StateDirectory=).");
        r.item("/usr/share/jobgen/catalogue.schema.json", "The catalogue's JSON Schema (also printed by jobgen schema).");
        r.section("EXIT STATUS");
        r.paragraph("0 when the command did its work and found nothing wrong. "
                + "1 when it did its work and found something wrong or could not finish it: a catalogue with errors, "
                + "a file that cannot be read or written, a failed check (validate, install --check), an unhealthy job (status). "
                + "2 when the command line is wrong and nothing was done: no or an unknown command or option, a missing or "
                + "malformed argument, a value out of range or naming nothing, a directory option naming something that is not a directory. "
                + "jobgen run has its own, see jobgen-run(1).");
        MarkdownRoff.render(r, reference(COMMANDS_REFERENCE), 0, Set.of());
        r.section("SEE ALSO");
        List<String> refs = new ArrayList<>(pageNames());
        refs.addAll(List.of("jobgen.yaml(5)", "systemd.timer(5)", "systemd.service(5)", "systemd.time(7)", "systemctl(1)"));
        r.references(refs);
        return r.toString();
    }

    String commandPage(CommandSpec spec) throws IOException {
        String full = spec.qualifiedName(" ");
        Roff r = new Roff(full.replace(' ', '-'), 1, date, source(), full.replace(' ', '-'),
                lowerFirst(firstSentence(text(spec.usageMessage().description()))));
        r.section("SYNOPSIS");
        r.item(synopsis(spec), "");
        for (CommandLine sub : spec.subcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                r.item(synopsis(sub.getCommandSpec()), "");
            }
        }
        r.section("DESCRIPTION").paragraph(text(spec.usageMessage().description()));
        arguments(r, spec);
        options(r, spec);
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            r.section("COMMAND " + s.qualifiedName(" ").toUpperCase(java.util.Locale.ROOT));
            r.paragraph(text(s.usageMessage().description()));
            for (PositionalParamSpec p : s.positionalParameters()) {
                r.item(p.paramLabel(), text(p.description()));
            }
            for (OptionSpec o : s.options()) {
                r.item(optionTag(o), text(o.description()));
            }
        }
        String reference = COMMAND_REFERENCES.get(spec.name());
        if (reference != null) {
            MarkdownRoff.render(r, reference(reference), 0, Set.of());
        }
        r.section("SEE ALSO");
        r.references(List.of("jobgen(1)", "jobgen.yaml(5)"));
        return r.toString();
    }

    String runnerPage() throws IOException {
        Roff r = new Roff("jobgen-run", 1, date, source(), "jobgen-run", lowerFirst(runner.summary()));
        r.section("SYNOPSIS");
        r.item(runner.synopsis(), "");
        r.section("DESCRIPTION");
        r.paragraph("""
                jobgen's service units run their command through it: ExecStart=/usr/bin/jobgen run --job NAME ... -- COMMAND. \
                It takes the job's lock, skips a period that already succeeded, runs the command in its own process group \
                with a timeout, retries it, pings the heartbeat service and appends the outcome to runs.jsonl in the \
                job's state directory. It loads no YAML or picocli: it starts in tens of milliseconds with the \
                launcher's class-data-sharing archive.""");
        r.section("OPTIONS");
        for (RunnerUsage.Flag flag : runner.flags()) {
            r.item(flag.synopsis(), flag.description());
        }
        r.section("EXIT STATUS").paragraph(runner.exitStatus());
        // the reference's intro lands under OPERATION; its flag table is the OPTIONS above
        r.section("OPERATION");
        MarkdownRoff.render(r, reference(RUNNER_REFERENCE), 1, Set.of("Flags"));
        for (String chapter : RUNNER_CHAPTERS) {
            MarkdownRoff.render(r, reference(chapter), 0, Set.of());
        }
        r.section("FILES");
        r.item("/run/lock/jobgen/", "Lock files (--lock-dir); created root-owned at boot by /usr/lib/tmpfiles.d/jobgen.conf.");
        r.item("/var/lib/jobgen/JOB/", "Period stamps and runs.jsonl (--state-dir; $STATE_DIRECTORY when set).");
        r.section("SEE ALSO");
        r.references(List.of("jobgen(1)", "jobgen-history(1)", "jobgen-status(1)", "jobgen.yaml(5)", "systemd.service(5)", "flock(2)"));
        return r.toString();
    }

    /** The format: the catalogue reference, then every key from the binder's own tables ({@link CatalogueKeys}). */
    String cataloguePage() throws IOException {
        Roff r = new Roff("jobgen.yaml", 5, date, source(), "jobgen.yaml", "the jobgen job catalogue format");
        r.section("SYNOPSIS").example("""
                # yaml-language-server: $schema=file://%s
                jobgen: 1
                jobs:
                  db-backup:
                    command: [/usr/local/bin/pg-backup, --database, orders]
                    schedule: "*-*-* 03:30:00"
                    timezone: Europe/Berlin
                    lock: node
                    retry: {attempts: 3, delay: 1min}""".formatted(CatalogueKeys.SCHEMA_PATH));
        r.section("DESCRIPTION").paragraph("""
                A catalogue is one YAML document that lists recurring jobs. jobgen render and jobgen install compile \
                it into a systemd .service and .timer per job; every value is checked offline first (jobgen validate), \
                and unknown keys are errors. Time spans are systemd's (30s, 5min, 1h 30min, infinity; see systemd.time(7)), \
                as are calendar expressions.
                Any key may be left empty, which means the same as leaving it out. The JSON Schema of the format, \
                for editors, is printed by jobgen schema and installed as %s.""".formatted(CatalogueKeys.SCHEMA_PATH));
        MarkdownRoff.render(r, reference(CATALOGUE_REFERENCE), 1, Set.of());
        // the binder's tables name every nested key too (retry.attempts), with what it accepts
        r.section("KEY INDEX");
        keys(r, "Top-level keys", "", CatalogueKeys.CATALOGUE);
        keys(r, "Job keys", "", CatalogueKeys.JOB);
        r.section("SEE ALSO");
        r.references(List.of("jobgen(1)", "jobgen-validate(1)", "jobgen-render(1)", "jobgen-install(1)", "jobgen-run(1)",
                "systemd.timer(5)", "systemd.time(7)", "systemd.exec(5)"));
        return r.toString();
    }

    private static void keys(Roff r, String heading, String prefix, CatalogueKeys.Table table) {
        if (!heading.isEmpty()) {
            r.subsection(heading);
        }
        for (CatalogueKeys.Key key : table.keys()) {
            String required = table.required().contains(key.name()) ? " Required." : "";
            r.item(prefix + key.name(), key.description() + "." + required);
            if (key.shape() instanceof CatalogueKeys.Nested n && n.table() != CatalogueKeys.JOB) {
                keys(r, "", prefix + key.name() + ".", n.table());
            }
        }
    }

    private static void arguments(Roff r, CommandSpec spec) {
        if (spec.positionalParameters().isEmpty()) {
            return;
        }
        r.section("ARGUMENTS");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            r.item(p.paramLabel(), text(p.description()));
        }
    }

    private static void options(Roff r, CommandSpec spec) {
        if (spec.options().isEmpty()) {
            return;
        }
        r.section("OPTIONS");
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                r.item(optionTag(o), text(o.description()));
            }
        }
    }

    private static String optionTag(OptionSpec o) {
        String names = String.join(", ", o.names());
        return o.arity().max() > 0 ? names + " " + o.paramLabel() : names;
    }

    private static String synopsis(CommandSpec spec) {
        StringBuilder b = new StringBuilder(spec.qualifiedName(" "));
        if (!spec.options().isEmpty()) {
            b.append(" [OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            boolean many = p.arity().max() > 1;
            b.append(' ').append(optional ? "[" : "").append(p.paramLabel()).append(many ? "..." : "").append(optional ? "]" : "");
        }
        return b.toString();
    }

    /** Description lines as picocli prints them: %n is a line break, %% a percent sign. */
    static String text(String[] lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String formatted;
            try {
                formatted = String.format(java.util.Locale.ROOT, line);
            } catch (java.util.IllegalFormatException e) {
                formatted = line;
            }
            b.append(formatted.replace("\r", ""));
        }
        return b.toString();
    }

    private static String firstSentence(String text) {
        Matcher m = Pattern.compile("^(.*?[a-z)']\\.)(\\s|$)").matcher(text);
        String first = m.find() ? m.group(1) : text;
        return first.endsWith(".") || first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }

    private static String lowerFirst(String text) {
        String s = text.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    /**
     * picocli's bash completion of the command line, plus {@code run}: it is parsed by hand, so its
     * flags are read from its usage text, the same text {@code jobgen run --help} prints.
     */
    String bashCompletion() {
        CommandSpec run = CommandSpec.create().name("run");
        for (String flag : runner.flagNames()) {
            run.addOption(OptionSpec.builder(flag).arity(runner.takesValue(flag) ? "1" : "0").type(runner.takesValue(flag) ? String.class : boolean.class).build());
        }
        root.addSubcommand("run", new CommandLine(run));
        // sourced, never executed: a #! line only misleads (and lintian flags it)
        return AutoComplete.bash("jobgen", root).replaceFirst("\\A#![^\n]*\n", "");
    }

    /**
     * zsh runs the bash completion through bashcompinit: the file is autoloaded as the function
     * {@code _jobgen}, so the first call defines the bash functions and then completes right away.
     */
    static String zshCompletion(String bash) {
        return "#compdef jobgen\n"
                + "# zsh completion for jobgen: the bash completion generated from the same model, run by bashcompinit\n"
                + "if ! (( $+functions[_complete_jobgen] )); then\n"
                + "    autoload -U +X bashcompinit && bashcompinit\n"
                + bash.replaceAll("(?m)^", "    ").replaceAll("(?m)^ +$", "")
                + "\nfi\n"
                + "_bash_complete -F _complete_jobgen -o default \"$@\"\n";
    }

    /** The runner's usage text (what {@code jobgen run --help} prints, from runspec/RunFlag), split into its parts. */
    record RunnerUsage(String synopsis, String summary, List<Flag> flags, String exitStatus) {
        record Flag(String synopsis, String description) {}

        private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");

        static RunnerUsage load() throws IOException {
            String text = RunFlag.usage();
            String[] lines = text.split("\n");
            String synopsis = lines[0].replaceFirst("^Usage: ", "");
            String summary = lines[1].strip();
            List<Flag> flags = new ArrayList<>();
            StringBuilder exit = new StringBuilder();
            for (int i = 2; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("  --")) {
                    String[] parts = line.strip().split(" {2,}(?=[a-z(])", 2);
                    flags.add(new Flag(parts[0], parts.length > 1 ? parts[1] : ""));
                } else if (line.startsWith("Exit status:") || exit.length() > 0) {
                    exit.append(exit.length() > 0 ? " " : "").append(line.replaceFirst("^Exit status: ", "").strip());
                }
            }
            return new RunnerUsage(synopsis, summary, flags, exit.toString().strip());
        }

        Set<String> flagNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Flag f : flags) {
                Matcher m = FLAG.matcher(f.synopsis());
                while (m.find()) {
                    names.add(m.group());
                }
            }
            return names;
        }

        boolean takesValue(String flag) {
            for (Flag f : flags) {
                Matcher m = Pattern.compile(Pattern.quote(flag) + "( [A-Za-z0-9|,]+)?").matcher(f.synopsis());
                if (m.find()) {
                    return m.group(1) != null && !m.group(1).strip().startsWith("--");
                }
            }
            return false;
        }
    }
}
