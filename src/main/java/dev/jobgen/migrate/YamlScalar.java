package dev.jobgen.migrate;

import java.util.Locale;
import java.util.Set;

/**
 * One YAML scalar as text that any YAML 1.1 or 1.2 reader (snakeyaml included) reads back as the
 * same string: plain when it cannot be mistaken for anything else, double-quoted with escapes
 * otherwise.
 */
final class YamlScalar {
    /** Characters a plain scalar may hold anywhere after its first one (':' is checked on its own). */
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String PLAIN_CHARS = LETTERS + "0123456789 _./@+=,()-";
    /** Words YAML 1.1 resolves to booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private YamlScalar() {}

    static String of(String value) {
        if (isPlainSafe(value) && !value.endsWith(" ") && !value.contains(" #")
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return quoted(value);
    }

    /**
     * Starts with a letter or '/' and holds nothing YAML could read as syntax (a ':' only when a
     * non-blank follows it). A loop, not a regular expression: Java's regex engine recurses per
     * repetition of an alternation and overflows the stack on commands of a few kilobytes.
     */
    private static boolean isPlainSafe(String value) {
        if (value.isEmpty() || !(LETTERS.indexOf(value.charAt(0)) >= 0 || value.charAt(0) == '/')) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean colonBeforeNonBlank = c == ':' && i + 1 < value.length() && value.charAt(i + 1) != ' ';
            if (!colonBeforeNonBlank && PLAIN_CHARS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
