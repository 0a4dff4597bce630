package dev.jobgen.install;

import dev.jobgen.unitfile.RenderedFile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One install: the files a catalogue renders to, which of its timers are enabled (every other
 * {@code .timer} among the files is suspended), the owner they are installed under, and whether
 * units that exist but are not owned may be taken over ({@code --adopt}).
 */
public record InstallRequest(Path root, String owner, List<RenderedFile> files, Set<String> enabledTimers, boolean adopt) {
    public InstallRequest {
        Objects.requireNonNull(root, "root");
        OwnerName.validate(owner);
        files = List.copyOf(files);
        enabledTimers = Set.copyOf(enabledTimers);
        Set<String> names = new HashSet<>();
        for (RenderedFile f : files) {
            checkUnitName(f.name());
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("file " + f.name() + " is rendered twice");
            }
        }
        for (String timer : enabledTimers) {
            if (!names.contains(timer) || !timer.endsWith(".timer")) {
                throw new IllegalArgumentException("enabled timer " + timer + " is not among the rendered timers");
            }
        }
    }

    // A name is one path segment that systemd would load: never a path, never hidden, never a temp.
    private static void checkUnitName(String name) {
        if (!Manifest.isUnitFileName(name)) {
            throw new IllegalArgumentException("not a unit file name: '" + name + "'");
        }
    }
}
