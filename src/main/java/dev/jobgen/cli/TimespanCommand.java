package dev.jobgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.time.TimeSpanException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobgen timespan SPAN...}: the twin of {@code systemd-analyze timespan}. Unlike systemd it
 * goes on after an invalid span, so one call reports every span; the exit status is 1 when any
 * span is invalid.
 */
@Command(
        name = "timespan",
        mixinStandardHelpOptions = true,
        description = {
            "Parse systemd time spans as systemd-analyze timespan does.",
            "Prints the microseconds and the normalized \"Human\" form (see systemd.time(7)). A bare number means seconds.",
            "Spans that start with '-' need '--' before them. Exit status 1 when any span is invalid."
        })
public final class TimespanCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "SPAN", description = "Time spans such as 1h30m, 5min 20s, infinity.")
    private List<String> spans;

    @Mixin
    private FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    @Option(names = "--systemd-version", paramLabel = "N",
            description = "Parse like this systemd's systemd-analyze (default: the default target, ${DEFAULT-VALUE}).")
    private int systemdVersion = SystemdVersion.DEFAULT.number();

    public TimespanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        SystemdVersionArg.checked(systemdVersion);
        boolean allValid = format.get() == OutputFormat.json ? printJson() : printText();
        return allValid ? 0 : 1;
    }

    private boolean printText() {
        boolean allValid = true;
        boolean first = true;
        for (String span : spans) {
            try {
                TimeSpan parsed = TimeSpan.parse(span, systemdVersion);
                ctx.out().print(first ? "" : "\n");
                ctx.out().println("Original: " + span);
                ctx.out().println("      \u03bcs: " + parsed.usecString());
                ctx.out().println("   Human: " + parsed.normalized());
                first = false;
            } catch (TimeSpanException e) {
                ctx.err().println("jobgen: " + message(span, e));
                ctx.err().print(Excerpt.of(span, e.index()));
                allValid = false;
            }
        }
        ctx.out().flush();
        return allValid;
    }

    private boolean printJson() throws JsonProcessingException {
        boolean allValid = true;
        // built here, not in a static field: text output should not pay for Jackson's start-up
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (String span : spans) {
            ObjectNode o = array.addObject().put("span", span);
            try {
                TimeSpan parsed = TimeSpan.parse(span, systemdVersion);
                o.put("valid", true)
                        .put("usec", new BigInteger(parsed.usecString()))
                        .put("normalized", parsed.normalized())
                        .putNull("error");
            } catch (TimeSpanException e) {
                o.put("valid", false).putNull("usec").putNull("normalized").put("error", message(span, e));
                allValid = false;
            }
        }
        ctx.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        ctx.out().flush();
        return allValid;
    }

    private static String message(String span, TimeSpanException e) {
        return "invalid time span " + Excerpt.quoted(span) + " at column " + (e.index() + 1) + ": " + e.getMessage();
    }
}
