package dev.jobgen.install;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one owner (catalogue) installed: the unit file names under {@code etc/systemd/system}.
 * Stored as {@code var/lib/jobgen/installed/OWNER.manifest}, a text file with two comment lines
 * and one unit name per line, sorted, so the same set is always the same bytes.
 */
public record Manifest(String owner, Set<String> units) {
    private static final String HEADER = "# jobgen install manifest v1\n";
    private static final Pattern UNIT_FILE_NAME = Pattern.compile("[A-Za-z0-9:_.@\\\\-]+\\.(service|timer|socket|path|target|slice|mount)");

    public Manifest {
        Objects.requireNonNull(owner, "owner");
        units = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(units));
    }

    public static Manifest empty(String owner) {
        return new Manifest(owner, new TreeSet<>());
    }

    /**
     * Reads a manifest; blank lines and {@code #} comments are ignored. Its names are used to
     * delete files, so a line that is not a plain unit file name (a path such as
     * {@code ../../x}, a hidden or temp file) is refused with its line number, never acted on.
     */
    public static Manifest parse(String owner, byte[] bytes) {
        SortedSet<String> units = new TreeSet<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                if (!isUnitFileName(name)) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not a unit file name: '"
                            + name.replaceAll("\\p{Cntrl}", "?") + "'");
                }
                units.add(name);
            }
        }
        return new Manifest(owner, units);
    }

    /**
     * Whether {@code name} is one file name systemd would load from the unit directory: a single
     * path segment of systemd's unit-name characters with a unit suffix, not hidden (temp files
     * start with a dot), at most 255 characters.
     */
    public static boolean isUnitFileName(String name) {
        return name.length() <= 255 && !name.startsWith(".") && UNIT_FILE_NAME.matcher(name).matches();
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
