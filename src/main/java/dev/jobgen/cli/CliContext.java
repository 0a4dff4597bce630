package dev.jobgen.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command may touch of the outside world, handed in so tests can pass string
 * writers, a fixed clock, an in-memory file system and their own environment.
 */
public record CliContext(PrintWriter out, PrintWriter err, Clock clock, FileSystem fs, Map<String, String> env) {
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fs, "fs");
        env = Map.copyOf(env);
    }
}
