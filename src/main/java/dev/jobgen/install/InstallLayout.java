package dev.jobgen.install;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where install puts things under a root: units in {@code ROOT/etc/systemd/system}, one manifest
 * per owner and the lock file in {@code ROOT/var/lib/jobgen/installed}. Temp files live next to
 * their target (same directory, so the rename is atomic) under a name systemd never loads.
 */
public record InstallLayout(Path root) {
    /** Suffix of the temp files of an atomic write; systemd ignores names without a unit suffix. */
    public static final String TEMP_SUFFIX = ".jobgen-new";
    static final String MANIFEST_SUFFIX = ".manifest";

    public InstallLayout {
        Objects.requireNonNull(root, "root");
    }

    public Path unitDir() {
        return root.resolve("etc/systemd/system");
    }

    public Path manifestDir() {
        return root.resolve("var/lib/jobgen/installed");
    }

    public Path manifest(String owner) {
        return manifestDir().resolve(owner + MANIFEST_SUFFIX);
    }

    public Path lockFile() {
        return manifestDir().resolve(".lock");
    }

    /** The temp file an atomic write of {@code target} goes through. */
    public static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    static boolean isTemp(String name) {
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }
}
