package dev.jobgen.migrate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One YAML scalar as text that any YAML 1.1 or 1.2 reader (snakeyaml included) reads back as the
 * same string: plain when it cannot be mistaken for anything else, double-quoted with escapes
 * otherwise.
 */
final class YamlScalar {
    /**
     * Plain only when it starts with a letter or '/', and holds nothing YAML could read as syntax
     * (a ':' only when a non-blank follows it).
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/](?:[A-Za-z0-9 _./@+=,()-]|:(?=[^ ]))*");
    /** Words YAML 1.1 resolves to booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private YamlScalar() {}

    static String of(String value) {
        if (PLAIN.matcher(value).matches() && !value.endsWith(" ") && !value.contains(" #")
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return quoted(value);
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
