package dev.jobgen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.Map;

/** Runs the real CLI factory with string writers, a given clock and environment. */
record CliRun(int status, String out, String err) {
    static CliRun of(Clock clock, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), clock, FileSystems.getDefault(), env);
        int status = Jobgen.execute(ctx, args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
