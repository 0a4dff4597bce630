package dev.jobgen.install;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a catalogue's units are owned under: given with {@code --owner}, or derived from the
 * catalogue's file name ({@code /etc/jobgen/backups.yaml} owns as {@code backups}). It names the
 * manifest file, so it is restricted to a safe file-name alphabet.
 */
public final class OwnerName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

    private OwnerName() {}

    /** Checks an explicit owner name; throws {@link IllegalArgumentException} with a readable reason. */
    public static String validate(String owner) {
        if (!VALID.matcher(owner).matches()) {
            throw new IllegalArgumentException("invalid owner name '" + owner
                    + "': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return owner;
    }

    /** The owner derived from a catalogue file name: extension dropped, lower-cased, odd characters to '-'. */
    public static String fromCatalogueFileName(String fileName) {
        String base = fileName.replaceFirst("\\.(ya?ml|json)$", "").toLowerCase(Locale.ROOT);
        String cleaned = base.replaceAll("[^a-z0-9_.-]", "-").replaceFirst("^[^a-z0-9]+", "");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("cannot derive an owner name from '" + fileName + "'; pass --owner NAME");
        }
        return validate(cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned);
    }
}
