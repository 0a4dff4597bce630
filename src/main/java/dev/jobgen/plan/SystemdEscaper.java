package dev.jobgen.plan;

import java.util.List;
import java.util.Optional;

/**
 * The only place that turns user text into unit-file text (man systemd.service(5) "Command
 * lines", man systemd.unit(5) "Specifiers", man systemd.exec(5) "Environment="). Whatever goes in
 * comes out byte for byte in the process, and no value can end a line or add a directive.
 */
public final class SystemdEscaper {
    private SystemdEscaper() {}

    /** The value of an {@code ExecStart=} line that runs exactly {@code argv}. */
    public static String commandLine(List<String> argv) {
        throw new UnsupportedOperationException("implemented by the escaping work");
    }

    /** One quoted {@code NAME=value} word for {@code Environment=}. */
    public static String environment(String name, String value) {
        throw new UnsupportedOperationException("implemented by the escaping work");
    }

    /** Free text such as {@code Description=}: specifiers escaped, nothing that can end the line. */
    public static String text(String value) {
        throw new UnsupportedOperationException("implemented by the escaping work");
    }

    /** A path value ({@code WorkingDirectory=}, {@code EnvironmentFile=}...): specifiers escaped. */
    public static String path(String value) {
        throw new UnsupportedOperationException("implemented by the escaping work");
    }

    /** Why {@code value} cannot be written into a unit file at all (a NUL byte, over the line limit), if so. */
    public static Optional<String> problem(String value) {
        throw new UnsupportedOperationException("implemented by the escaping work");
    }
}
