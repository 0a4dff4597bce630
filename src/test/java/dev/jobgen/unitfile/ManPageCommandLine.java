package dev.jobgen.unitfile;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader of systemd's unit-file value syntax written from the man pages only, as the independent
 * half of the escaper's round trip: systemd.syntax(7) "Quoting" (whole-item quotes, the escape
 * table), systemd.service(5) "Command lines" (prefixes, {@code ;} and {@code \;}, {@code $$}) and
 * systemd.unit(5) "Specifiers" ({@code %%}). It is deliberately strict: anything the escaper should
 * never write (an unknown escape, a quote inside a bare word, a real specifier or variable, two
 * commands) fails instead of being guessed.
 */
final class ManPageCommandLine {
    /** What systemd runs: the executable, the prefixes it was given, and the argv the process sees. */
    record Command(String path, String prefixes, List<String> argv) {}

    /** A word as written, after unquoting and escapes, and whether it was the bare separator {@code ;}. */
    record RawWord(String text, boolean separator) {}

    private ManPageCommandLine() {}

    static Command command(String value) {
        List<RawWord> words = words(value);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        for (RawWord w : words) {
            if (w.separator()) {
                throw new IllegalArgumentException("';' separates a second command in: " + value);
            }
        }
        String first = words.get(0).text();
        int p = 0;
        while (p < first.length() && "-@:+!".indexOf(first.charAt(p)) >= 0) {
            p++;
        }
        String prefixes = first.substring(0, p);
        String path = specifiers(first.substring(p));
        List<String> argv = new ArrayList<>();
        List<RawWord> rest = words.subList(1, words.size());
        if (!prefixes.contains("@")) {
            argv.add(path);
        }
        for (RawWord w : rest) {
            argv.add(prefixes.contains(":") ? specifiers(w.text()) : variables(specifiers(w.text())));
        }
        return new Command(path, prefixes, argv);
    }

    /** Items of a quoted list (Environment= and the like): unquoted, unescaped, specifiers resolved. */
    static List<String> items(String value) {
        List<String> items = new ArrayList<>();
        for (RawWord w : words(value)) {
            items.add(specifiers(w.text()));
        }
        return items;
    }

    static List<RawWord> words(String value) {
        List<RawWord> words = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < value.length() && isBlank(value.charAt(i))) {
                i++;
            }
            if (i == value.length()) {
                return words;
            }
            int end = wordEnd(value, i);
            String raw = value.substring(i, end);
            if (raw.equals(";")) {
                words.add(new RawWord(";", true));
            } else if (raw.equals("\\;")) {
                words.add(new RawWord(";", false));
            } else {
                words.add(new RawWord(unquote(raw), false));
            }
            i = end;
        }
    }

    private static int wordEnd(String value, int start) {
        char quote = value.charAt(start);
        if (quote == '"' || quote == '\'') {
            for (int i = start + 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    if (i + 1 < value.length() && !isBlank(value.charAt(i + 1))) {
                        throw new IllegalArgumentException("closing quote not followed by a blank at " + i + ": " + value);
                    }
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("unterminated quote at " + start + ": " + value);
        }
        int i = start;
        while (i < value.length() && !isBlank(value.charAt(i))) {
            if (value.charAt(i) == '"' || value.charAt(i) == '\'') {
                throw new IllegalArgumentException("quote inside a bare word at " + i + ": " + value);
            }
            i += value.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, value.length());
    }

    private static String unquote(String raw) {
        boolean quoted = raw.charAt(0) == '"' || raw.charAt(0) == '\'';
        String body = quoted ? raw.substring(1, raw.length() - 1) : raw;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new IllegalArgumentException("backslash at the end of: " + raw);
            }
            i = escape(body, i + 1, out);
        }
        return out.toString();
    }

    /** Applies the escape starting at {@code at} (after the backslash); returns the index of its last character. */
    private static int escape(String s, int at, StringBuilder out) {
        char e = s.charAt(at);
        String simple = "abfnrtv\\\"'s";
        String values = "\u0007\b\f\n\r\t\u000b\\\"' ";
        int k = simple.indexOf(e);
        if (k >= 0) {
            out.append(values.charAt(k));
            return at;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : (e >= '0' && e <= '7') ? 3 : -1;
        if (digits < 0) {
            throw new IllegalArgumentException("unknown escape \\" + e + " in: " + s);
        }
        boolean octal = e >= '0' && e <= '7';
        int from = octal ? at : at + 1;
        String number = s.substring(from, Math.min(from + digits, s.length()));
        int cp = Integer.parseInt(number, octal ? 8 : 16);
        if (number.length() != digits || cp == 0) {
            throw new IllegalArgumentException("bad numeric escape in: " + s);
        }
        if (e == 'x' || octal) {
            if (cp >= 0x80) {
                throw new IllegalArgumentException("the escaper writes non-ASCII as UTF-8, not as byte escapes: " + s);
            }
        }
        out.appendCodePoint(cp);
        return from + digits - 1;
    }

    /** systemd.unit(5): "%%" is a single percent sign; every other specifier is refused here. */
    static String specifiers(String word) {
        return undouble(word, '%', "specifier left unescaped in: ");
    }

    /** systemd.service(5): "$$" is a literal dollar sign; a variable reference is refused here. */
    static String variables(String word) {
        return undouble(word, '$', "variable reference left in: ");
    }

    private static String undouble(String word, char special, String complaint) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == special) {
                if (i + 1 >= word.length() || word.charAt(i + 1) != special) {
                    throw new IllegalArgumentException(complaint + word);
                }
                i++;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
