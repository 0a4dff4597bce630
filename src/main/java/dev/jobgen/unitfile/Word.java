package dev.jobgen.unitfile;

/**
 * One word of a setting that systemd splits, unquotes and unescapes (man systemd.syntax(7),
 * "Quoting"), with {@code %} doubled for the specifier pass and, for command lines, {@code $}
 * doubled for the variable pass.
 */
final class Word {
    private static final String HEX = "0123456789abcdef";

    private Word() {}

    /** The word bare when it is plain, else quoted; a lone {@code ;} is written {@code \;}. */
    static String of(String value, boolean commandLine) {
        if (commandLine && value.equals(";")) {
            return "\\;"; // a bare ';' would separate two commands (man systemd.service(5))
        }
        return isPlain(value) ? value : quoted(value, commandLine);
    }

    /** The word in double quotes with C escapes. */
    static String quoted(String value, boolean commandLine) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        // char by char: every character that needs escaping is ASCII, and surrogates pass through in pairs
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '%' -> out.append("%%");
                case '$' -> out.append(commandLine ? "$$" : "$");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(controlEscape(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code \n}, {@code \t}, {@code \r} or {@code \xNN} for an ASCII control character. */
    static String controlEscape(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> "\\x" + HEX.charAt(cp >> 4) + HEX.charAt(cp & 0xf);
        };
    }

    /** Letters, digits and a few punctuation characters that mean nothing to systemd's parser. */
    private static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_-./,:=+@^~".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
