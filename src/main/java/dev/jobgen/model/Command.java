package dev.jobgen.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What a job executes: an argv, or an inline script run with {@code /bin/sh -e}. */
public sealed interface Command permits Command.Argv, Command.Script {

    <R> R match(Function<Argv, R> argv, Function<Script, R> script);

    /** The argv that runs this command. */
    List<String> argv();

    record Argv(List<String> args) implements Command {
        public Argv {
            args = List.copyOf(args);
            if (args.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
        }

        @Override
        public <R> R match(Function<Argv, R> argv, Function<Script, R> script) {
            return argv.apply(this);
        }

        @Override
        public List<String> argv() {
            return args;
        }
    }

    record Script(String text) implements Command {
        public static final String SHELL = "/bin/sh";

        public Script {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public <R> R match(Function<Argv, R> argv, Function<Script, R> script) {
            return script.apply(this);
        }

        @Override
        public List<String> argv() {
            return List.of(SHELL, "-e", "-c", text);
        }
    }
}
