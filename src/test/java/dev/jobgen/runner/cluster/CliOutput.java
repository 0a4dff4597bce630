package dev.jobgen.runner.cluster;

import dev.jobgen.cli.CliContext;
import dev.jobgen.cli.Jobgen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.Map;

/** The real CLI run in process with string writers. */
record CliOutput(int status, String out, String err) {
    static CliOutput run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), FileSystems.getDefault(), Map.of());
        int status = Jobgen.commandLine(ctx).execute(args);
        return new CliOutput(status, out.toString(), err.toString());
    }
}
