package dev.jobgen.cli;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real CLI factory against an in-memory file system, a fixed clock and string streams. */
final class CliHarness {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    final FileSystem fs;
    final Map<String, String> env;

    /** What one invocation printed and returned. */
    record Result(int exit, String out, String err) {}

    CliHarness() {
        this(Jimfs.newFileSystem(Configuration.unix()), Map.of("TZ", "UTC"));
    }

    CliHarness(FileSystem fs, Map<String, String> env) {
        this.fs = fs;
        this.env = env;
    }

    Path write(String name, String text) {
        try {
            Path p = fs.getPath(name);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            return Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                Clock.fixed(NOW, ZoneOffset.UTC), fs, env);
        int exit = Jobgen.execute(ctx, args);
        return new Result(exit, out.toString(), err.toString());
    }
}
