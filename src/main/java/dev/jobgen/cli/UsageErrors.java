package dev.jobgen.cli;

import dev.jobgen.diag.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse is told like every other user mistake: one line, a
 * did-you-mean where there is a near miss, where to read more, exit 2. The usage text that picocli
 * would dump instead buries the one line that matters under twenty that do not.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int EXIT = 2;
    private static final Pattern UNKNOWN_HELP_TOPIC = Pattern.compile("Unknown subcommand '(.*)'\\.?");
    private final PrintWriter err;

    UsageErrors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        err.println("jobgen: " + line(ex));
        err.flush();
        return EXIT;
    }

    /** The message after {@code "jobgen: "}, for a parse error of the command {@code ex} names. */
    static String line(ParameterException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String what = ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                ? unmatched(u, spec)
                : sentence(ex.getMessage()) + helpTopicSuggestion(ex.getMessage(), spec);
        return prefix(spec) + what + " " + seeHelp(spec);
    }

    /** {@code "See 'jobgen next --help'."}: where the command's options are explained. */
    static String seeHelp(CommandSpec spec) {
        return "See '" + spec.qualifiedName(" ") + " --help'.";
    }

    /** {@code "next: "} for a subcommand, nothing for jobgen itself: the line already starts with "jobgen: ". */
    static String prefix(CommandSpec spec) {
        String name = spec.qualifiedName(" ");
        return spec.parent() == null ? "" : name.substring(name.indexOf(' ') + 1) + ": ";
    }

    private static String unmatched(UnmatchedArgumentException u, CommandSpec spec) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.get(0);
        // picocli ranks its candidates by similarity; the first is the near miss worth naming
        String suggestion = u.getSuggestions().stream().findFirst()
                .map(s -> " Did you mean '" + s.substring(s.lastIndexOf(' ') + 1) + "'?").orElse("");
        if (first.startsWith("-") && first.length() > 1) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return "unknown option '" + option + "'." + suggestion;
        }
        if (!spec.subcommands().isEmpty() || spec.parent() == null) {
            return "'" + first + "' is not a " + spec.qualifiedName(" ") + " command." + suggestion;
        }
        return (unmatched.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                + unmatched.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", ")) + ".";
    }

    /** {@code jobgen help rendr}: picocli's help command names the unknown topic but guesses nothing. */
    private static String helpTopicSuggestion(String message, CommandSpec spec) {
        Matcher m = UNKNOWN_HELP_TOPIC.matcher(message == null ? "" : message);
        return m.matches() ? Suggestions.closest(m.group(1), spec.subcommands().keySet()).map(s -> " Did you mean '" + s + "'?").orElse("") : "";
    }

    /** picocli's message as a sentence of ours: lower-case start, one line, a full stop. */
    static String sentence(String message) {
        String s = message == null ? "invalid command line" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (s.isEmpty()) {
            s = "invalid command line";
        }
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            s = s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s.endsWith(".") || s.endsWith("?") ? s : s + ".";
    }
}
