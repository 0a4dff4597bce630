package dev.jobgen.cli;

import dev.jobgen.diag.CatalogueException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one factory that builds the CLI, for {@code Main} and for tests alike. */
@Command(
        name = "jobgen",
        mixinStandardHelpOptions = true,
        versionProvider = Jobgen.Version.class,
        description = "Compiles a YAML job catalogue into systemd timers and services.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Jobgen implements Runnable {
    private final CliContext ctx;

    Jobgen(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(ctx.out());
    }

    /** Runs the CLI against the real process environment. */
    public static int execute(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(out, err, Clock.systemUTC(), FileSystems.getDefault(), System.getenv());
        int status = commandLine(ctx).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured command line; every subcommand receives {@code ctx} through its constructor. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new Jobgen(ctx));
        // subcommands are registered here, one line each
        cl.addSubcommand(new RenderCommand(ctx));
        cl.addSubcommand(new ValidateCommand(ctx));
        cl.addSubcommand(new TimespanCommand(ctx));
        cl.addSubcommand(new HistoryCommand(ctx));
        cl.addSubcommand(new NotifyCommand(ctx));
        cl.addSubcommand(new CalendarCommand(ctx));
        cl.addSubcommand(new NextCommand(ctx));
        cl.addSubcommand(new ClusterCommand(ctx));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler(new ErrorHandler(ctx));
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
            if (ex instanceof UserError ue) {
                ctx.err().println("jobgen: " + ue.getMessage());
                return ue.exitCode();
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                ctx.err().println("jobgen: " + pe.getMessage());
                return 2;
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
