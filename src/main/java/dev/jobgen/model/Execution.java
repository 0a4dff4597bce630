package dev.jobgen.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where and as whom the command runs: the catalogue's {@code user}, {@code group},
 * {@code working-directory}, {@code environment}, {@code environment-file}, {@code resources},
 * {@code sandbox} and {@code writable-paths} keys, the execution settings of the {@code .service} unit.
 */
public record Execution(Optional<String> user, Optional<String> group, Optional<String> workingDirectory,
        SortedMap<String, String> environment, List<String> environmentFiles, Resources resources, Sandbox sandbox) {
    public static final Execution DEFAULTS = new Execution(Optional.empty(), Optional.empty(), Optional.empty(),
            new TreeMap<>(), List.of(), Resources.NONE, Sandbox.OFF);

    public Execution {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(sandbox, "sandbox");
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        environmentFiles = List.copyOf(environmentFiles);
        // systemd resolves no relative path in these settings; the binder reported any the author wrote
        workingDirectory.ifPresent(Execution::requireAbsolute);
        environmentFiles.forEach(Execution::requireAbsolute);
    }

    private static void requireAbsolute(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
    }
}
