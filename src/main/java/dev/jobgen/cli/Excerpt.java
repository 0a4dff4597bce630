package dev.jobgen.cli;

/**
 * A one-line argument shown back to the user with a caret under a 0-based position; control
 * characters are written as escapes ({@code \n}, {@code \t}, {@code \x0b}) so the caret lines up.
 */
final class Excerpt {
    private Excerpt() {}

    /** {@code text} in single quotes, control characters escaped. */
    static String quoted(String text) {
        return "'" + visible(text, text.length()) + "'";
    }

    /** Two indented lines: the text, then a caret under {@code index}; both end with a newline. */
    static String of(String text, int index) {
        String before = visible(text, Math.min(index, text.length()));
        return "    " + visible(text, text.length()) + "\n    " + " ".repeat(before.codePointCount(0, before.length())) + "^\n";
    }

    private static String visible(String text, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
