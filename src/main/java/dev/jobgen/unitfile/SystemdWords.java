package dev.jobgen.unitfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line written in unit-file syntax back into argv (man systemd.service(5),
 * "Command lines"): words separated by blanks, double or single quotes around a word, C escapes
 * ({@code \n \t \\ \" \' \xHH \NNN}), and {@code %%} for a literal {@code %}. It reads the
 * {@code X-JobgenOnFailureCommand=} value the compiler wrote with the same rules as ExecStart=.
 */
public final class SystemdWords {
    private SystemdWords() {}

    /**
     * The argv of a command line as {@link SystemdEscaper#commandLine} writes it and systemd reads
     * it for {@code ExecStart=}: the words, {@code $$} back to {@code $}, and a program given apart
     * with {@code @} dropped again (no variable is expanded: the reader is not systemd).
     */
    public static List<String> commandLine(String line) {
        List<String> words = split(line);
        List<String> argv = new ArrayList<>(words.size());
        boolean separateArgv0 = !words.isEmpty() && words.get(0).startsWith("@");
        for (int i = separateArgv0 ? 1 : 0; i < words.size(); i++) {
            argv.add(words.get(i).replace("$$", "$"));
        }
        return argv;
    }

    /** A value as {@link SystemdEscaper#text} or {@link SystemdEscaper#path} wrote it: {@code %%} back to {@code %}. */
    public static String value(String written) {
        return written.strip().replace("%%", "%");
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return words;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                }
                i++;
                if (c == '"' || c == '\'') {
                    if (quote == 0) {
                        quote = c;
                        continue;
                    }
                    if (quote == c) {
                        quote = 0;
                        continue;
                    }
                }
                if (c == '%' && i < n && line.charAt(i) == '%') {
                    word.append('%');
                    i++;
                } else if (c == '\\' && i < n) {
                    i = escape(line, i, word);
                } else {
                    word.append(c);
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("unterminated quote in: " + line);
            }
            words.add(word.toString());
        }
    }

    /** Appends the escape starting after the backslash at {@code i}; returns the index after it. */
    private static int escape(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 's' -> out.append(' ');
            case 'x' -> {
                if (i + 3 <= s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    return i + 3;
                }
                throw new IllegalArgumentException("bad \\x escape in: " + s);
            }
            default -> {
                if (c >= '0' && c <= '7' && i + 3 <= s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
                    return i + 3;
                }
                out.append(c);
            }
        }
        return i + 1;
    }
}
