package dev.jobgen.cli;

/**
 * A one-line argument shown back to the user with a caret under a 0-based position; control
 * characters are written as escapes ({@code \n}, {@code \t}, {@code \x0b}) so the caret lines up.
 */
final class Excerpt {
    /** Code points of a source line shown around the caret; a longer line is cut to this window. */
    static final int WINDOW = 120;
    /** Of a message longer than this, only the start is shown. */
    static final int MAX_MESSAGE = 1000;
    private static final String CUT = "...";

    private Excerpt() {}

    /**
     * A source line and a caret under its 1-based code-point {@code column}, both indented and
     * ending with a newline. A line longer than {@value #WINDOW} code points is cut to a window
     * around the caret, marked with {@code ...} at each cut end: a catalogue may hold a line of
     * megabytes, and a terminal shows none of it usefully.
     */
    static String sourceLine(String line, int column) {
        int length = line.codePointCount(0, line.length());
        int caret = Math.max(0, Math.min(column - 1, length));
        int from = length <= WINDOW ? 0 : Math.max(0, Math.min(caret - WINDOW / 2, length - WINDOW));
        int to = Math.min(length, from + WINDOW);
        int fromIndex = line.offsetByCodePoints(0, from);
        String window = line.substring(fromIndex, line.offsetByCodePoints(fromIndex, to - from));
        String head = from > 0 ? CUT : "";
        String before = head + visible(window, window.offsetByCodePoints(0, caret - from));
        return "    " + head + visible(window, window.length()) + (to < length ? CUT : "") + "\n    "
                + " ".repeat(before.codePointCount(0, before.length())) + "^\n";
    }

    /** {@code message} with control characters escaped, cut after {@value #MAX_MESSAGE} characters. */
    static String message(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return visible(message, message.length());
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return visible(message, end) + CUT + " (" + (message.length() - end) + " more characters)";
    }

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
