package dev.jobgen.cli;

import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.IoProblem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one factory that builds the CLI, for {@code Main} and for tests alike. */
@Command(
        name = "jobgen",
        mixinStandardHelpOptions = true,
        versionProvider = Jobgen.Version.class,
        description = "Compiles a YAML job catalogue into systemd timers and services.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Jobgen implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    Jobgen(CliContext ctx) {
        this.ctx = ctx;
    }

    /** {@code jobgen} alone names no command: a usage error, answered with the list of commands. */
    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.err());
        return UsageErrors.EXIT;
    }

    /**
     * Every subcommand by name, built only when needed: constructing a picocli command costs
     * reflection, and a run of {@code jobgen calendar} should not pay for ten others.
     */
    private static final Map<String, Function<CliContext, Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Function<CliContext, Object>> subcommands() {
        Map<String, Function<CliContext, Object>> m = new LinkedHashMap<>();
        m.put("render", RenderCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("calendar", CalendarCommand::new);
        m.put("timespan", TimespanCommand::new);
        m.put("next", NextCommand::new);
        m.put("install", InstallCommand::new);
        m.put("status", StatusCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("notify", NotifyCommand::new);
        m.put("import-crontab", ImportCrontabCommand::new);
        m.put("cluster", ClusterCommand::new);
        m.put("monitors", MonitorsCommand::new);
        m.put("schema", SchemaCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Runs the CLI against the real process environment. */
    public static int execute(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(new CliContext(out, err, Clock.systemUTC(), FileSystems.getDefault(), System.getenv()), args);
    }

    /** What {@code main} does with {@code args}, against {@code ctx}: tests run the CLI through here. */
    public static int execute(CliContext ctx, String[] args) {
        int status = commandLine(ctx, args).execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return status;
    }

    /** The configured command line with every subcommand; each receives {@code ctx} through its constructor. */
    public static CommandLine commandLine(CliContext ctx) {
        return configure(ctx, SUBCOMMANDS.keySet());
    }

    /** The command line for {@code args}: only the subcommand it names, when it names one. */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        return args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? configure(ctx, java.util.Set.of(args[0])) : commandLine(ctx);
    }

    private static CommandLine configure(CliContext ctx, java.util.Set<String> names) {
        CommandLine cl = new CommandLine(new Jobgen(ctx));
        SUBCOMMANDS.forEach((name, factory) -> {
            if (names.contains(name)) {
                cl.addSubcommand(name, factory.apply(ctx));
                FormatOption.describeIn(cl.getSubcommands().get(name).getCommandSpec());
            }
        });
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler(new ErrorHandler(ctx));
        cl.setParameterExceptionHandler(new UsageErrors(ctx.err()));
        return cl;
    }

    /** One place that maps exceptions to exit codes: user mistakes print a line, never a stack trace. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final CliContext ctx;

        ErrorHandler(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            if (ex instanceof CatalogueException ce) {
                new DiagnosticPrinter(ctx.fs()).print(ce.diagnostics(), OutputFormat.text, ctx.err());
                return 1;
            }
            if (ex instanceof UserError ue && ue.exitCode() == UsageErrors.EXIT) {
                // a value the command refused is a usage error like one picocli refused: same line
                ctx.err().println("jobgen: " + UsageErrors.prefix(cl.getCommandSpec()) + UsageErrors.sentence(ue.getMessage())
                        + " " + UsageErrors.seeHelp(cl.getCommandSpec()));
                return ue.exitCode();
            }
            if (ex instanceof UserError ue) {
                ctx.err().println("jobgen: " + ue.getMessage());
                return ue.exitCode();
            }
            if (ex instanceof java.io.IOException io) {
                // a file the user named (a state or metrics dir, a unit file) that cannot be read or
                // written: say which and why in one line, as the commands' own UserErrors do
                ctx.err().println("jobgen: " + IoProblem.describe(io));
                return 1;
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                ctx.err().println("jobgen: " + UsageErrors.line(pe));
                return UsageErrors.EXIT;
            }
            ctx.err().println("jobgen: internal error: " + ex);
            if (ctx.env().containsKey("JOBGEN_DEBUG")) {
                ex.printStackTrace(ctx.err());
            }
            return 1;
        }
    }

    /** {@code --version}: the project version baked into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jobgen " + BuildInfo.version()};
        }
    }
}
