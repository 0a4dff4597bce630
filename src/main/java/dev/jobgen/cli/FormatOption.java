package dev.jobgen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one {@code --format} option, a picocli mixin: each command names the formats it prints, and
 * any other value is refused during parsing with the same words in every command. The help text
 * and the shell completion list exactly the command's formats ({@link #describeIn}).
 */
public final class FormatOption {
    private final List<OutputFormat> supported;
    private OutputFormat format;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The formats a command prints, the first being its default. */
    FormatOption(OutputFormat... supported) {
        this.supported = List.of(supported);
        this.format = this.supported.get(0);
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format.")
    void set(String value) {
        format = supported.stream().filter(f -> f.name().equals(value)).findFirst()
                .orElseThrow(() -> new ParameterException(mixee.commandLine(),
                        "--format must be " + choices() + ", not '" + value + "'"));
    }

    public OutputFormat get() {
        return format;
    }

    /** "text or json", "text, json or github". */
    private String choices() {
        return joined(supported.stream().map(Enum::name).toList());
    }

    /** "Output: text (default) or json (one JSON document on stdout)." */
    private String description() {
        List<String> parts = new ArrayList<>();
        for (OutputFormat f : supported) {
            List<String> notes = new ArrayList<>();
            if (f == supported.get(0)) {
                notes.add("default");
            }
            meaning(f).ifPresent(notes::add);
            parts.add(notes.isEmpty() ? f.name() : f.name() + " (" + String.join(", ", notes) + ")");
        }
        return "Output: " + joined(parts) + ".";
    }

    private static Optional<String> meaning(OutputFormat f) {
        return switch (f) {
            case text -> Optional.empty();
            case json -> Optional.of("one JSON document on stdout");
            case github -> Optional.of("GitHub workflow annotations");
        };
    }

    private static String joined(List<String> words) {
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /**
     * Gives the {@code --format} of {@code command}, when it has one, the description and the
     * completion candidates of that command's formats. Annotations are constants, the same for
     * every command that mixes the option in; this makes the help say what this command prints.
     */
    static void describeIn(CommandSpec command) {
        OptionSpec declared = command.findOption("--format");
        Optional<FormatOption> mixed = command.mixins().values().stream().map(CommandSpec::userObject)
                .filter(FormatOption.class::isInstance).map(FormatOption.class::cast).findFirst();
        if (declared == null || mixed.isEmpty()) {
            return;
        }
        FormatOption option = mixed.get();
        command.remove(declared);
        command.addOption(OptionSpec.builder(declared).description(option.description())
                .completionCandidates(option.supported.stream().map(Enum::name).toList()).build());
    }
}
