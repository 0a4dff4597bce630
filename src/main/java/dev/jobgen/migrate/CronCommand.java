package dev.jobgen.migrate;

import dev.jobgen.bind.ShellWords;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command part of a crontab line and how it can be carried: cron hands it to {@code sh -c}.
 * When the text splits into plain words (POSIX quoting, nothing a shell would expand or
 * interpret) and names its program by absolute path, it can run directly as {@code command:};
 * otherwise it stays shell text for {@code script:}, exactly as written, so that the shell still
 * searches {@code PATH} and interprets it as cron's shell did. Cron's {@code %} rule (man crontab(5): an unescaped
 * {@code %} ends the command, the rest becomes its stdin, further ones newlines) cannot be
 * carried; {@code \%} is a literal {@code %}.
 */
record CronCommand(String text, boolean hasPercent, Optional<List<String>> argv) {
    /** Words a shell runs itself: as a program of their own they would do nothing or fail. */
    private static final Pattern HOME = Pattern.compile("(\\$HOME\\b|\\$\\{HOME[}:#%/-]|(?<![^\\s=:'\"(])~(?=/|\\s|$))");
    private static final Set<String> SHELL_WORDS = Set.of("cd", "export", "source", ".", "exec", "set", "unset", "eval",
            "if", "for", "while", "until", "case", "ulimit", "umask", "trap", "alias", "read", "wait", "shift", "!", "{");

    static CronCommand of(String raw) {
        StringBuilder text = new StringBuilder();
        boolean percent = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                text.append('%');
                i++;
            } else {
                percent |= c == '%';
                text.append(c);
            }
        }
        String t = text.toString();
        return new CronCommand(percent ? raw : t, percent, percent ? Optional.empty() : words(t));
    }

    /** Text that is already free of cron's {@code %} rule (e.g. the command after a flock prefix). */
    static CronCommand unescaped(String text) {
        return new CronCommand(text, false, words(text));
    }

    private static Optional<List<String>> words(String text) {
        try {
            List<String> argv = ShellWords.split(text);
            if (argv.isEmpty() || !argv.get(0).startsWith("/") || SHELL_WORDS.contains(argv.get(0))) {
                return Optional.empty();
            }
            return Optional.of(argv);
        } catch (ShellWords.SplitException e) {
            return Optional.empty();
        }
    }

    /**
     * The first word when it is a relative path such as {@code bin/x} or {@code ./x}, which cron
     * resolved from the home directory it started in; not {@code $HOME/x} or {@code ~/x} (see {@link #homeReference()}).
     */
    Optional<String> relativeProgram() {
        String first = text.strip().split("[\\s;&|<>()]+", 2)[0];
        return first.contains("/") && !first.startsWith("/") && !first.contains("=") && "$~`".indexOf(first.charAt(0)) < 0
                ? Optional.of(first) : Optional.empty();
    }

    /** How the command uses the HOME variable ({@code $HOME}, {@code ${HOME}}, or a leading {@code ~}), if it does. */
    Optional<String> homeReference() {
        Matcher m = HOME.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether a shell would run a command after another one's failure ({@code a; b}), ignoring
     * quoted text: under {@code sh -e} the second would no longer run.
     */
    boolean hasSequence() {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' && !text.substring(i + 1).strip().matches("([})].*)?")) {
                return true; // "a; }" or a trailing ";" ends a list without starting another command
            }
        }
        return false;
    }
}
