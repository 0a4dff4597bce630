package dev.jobgen.install;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one owner (catalogue) installed: the unit file names under {@code etc/systemd/system}.
 * Stored as {@code var/lib/jobgen/installed/OWNER.manifest}, a text file with two comment lines
 * and one unit name per line, sorted, so the same set is always the same bytes.
 */
public record Manifest(String owner, Set<String> units) {
    private static final String HEADER = "# jobgen install manifest v1\n";

    public Manifest {
        Objects.requireNonNull(owner, "owner");
        units = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(units));
    }

    public static Manifest empty(String owner) {
        return new Manifest(owner, new TreeSet<>());
    }

    /** Reads a manifest; blank lines and {@code #} comments are ignored. */
    public static Manifest parse(String owner, byte[] bytes) {
        SortedSet<String> units = new TreeSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                units.add(name);
            }
        }
        return new Manifest(owner, units);
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder(HEADER)
                .append("# units under etc/systemd/system owned by catalogue '").append(owner)
                .append("'; written by jobgen install, do not edit\n");
        units.forEach(u -> sb.append(u).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public boolean owns(String unit) {
        return units.contains(unit);
    }
}
