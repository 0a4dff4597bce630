package dev.jobgen.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command:} string into argv with POSIX shell quoting (single quotes, double
 * quotes, backslashes) but no expansion of any kind. Text that a shell would treat specially
 * (pipes, redirects, {@code $}, globs, {@code ;}, comments) is refused rather than passed on
 * literally, because the user almost certainly meant a shell: they should write {@code script:}.
 */
public final class ShellWords {
    private static final String OPERATORS = "|&;<>()`";
    private static final String GLOBS = "*?[";

    private ShellWords() {}

    /** A refusal, with the 0-based index of the offending character. */
    public static final class SplitException extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        SplitException(String message, int index) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    public static List<String> split(String text) throws SplitException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new SplitException("unterminated single quote", i);
                }
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new SplitException("backslash at the end of the command", i);
                }
                if (text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (OPERATORS.indexOf(c) >= 0 || c == '$') {
                throw new SplitException("'" + c + "' is shell syntax, which a command string does not run through a shell", i);
            } else if (GLOBS.indexOf(c) >= 0) {
                throw new SplitException("'" + c + "' would be a glob in a shell, but a command string is not expanded", i);
            } else if (c == '#' && !inWord) {
                throw new SplitException("'#' would start a comment in a shell", i);
            } else if (c == '~' && !inWord) {
                throw new SplitException("'~' would be expanded by a shell, but a command string is not", i);
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int doubleQuoted(String text, int open, StringBuilder word) throws SplitException {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '$' || c == '`') {
                throw new SplitException("'" + c + "' inside double quotes would be expanded by a shell", i);
            }
            if (c == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                if (text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new SplitException("unterminated double quote", open);
    }
}
