package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.SystemdZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobgen calendar}: the twin of {@code systemd-analyze calendar}, with the same text layout
 * ("Original form" only when it differs, "Normalized form", "Next elapse", "(in UTC)" unless the
 * local zone is UTC, "From now", "Iter. #N" or, from systemd 254 on, "Iteration #N"), or the JSON documented in src/docs/commands.md. The local zone is {@code TZ}
 * from the environment, as for systemd; several expressions share one base time.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"Normalize calendar expressions and show their next elapses.",
                "The twin of systemd-analyze calendar: the same answers, the same text."})
public final class CalendarCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "EXPR", description = "calendar expressions (put -- before one that starts with -)")
    List<String> expressions;

    @Option(names = "--base-time", paramLabel = "TS", description = "ISO-8601 instant or @EPOCH[.FRACTION]; default: now")
    String baseTime;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1", description = "elapses to show (default: ${DEFAULT-VALUE})")
    int iterations;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    @Option(names = "--systemd-version", paramLabel = "N",
            description = "Answer and print like this systemd's systemd-analyze (default: the default target, ${DEFAULT-VALUE})")
    int systemdVersion = SystemdVersion.DEFAULT.number();

    public CalendarCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (iterations < 1) {
            throw new UserError("--iterations must be at least 1", 2);
        }
        SystemdVersionArg.checked(systemdVersion);
        ZoneId zone = LocalZone.from(ctx.env());
        Instant now = ctx.clock().instant();
        Instant base = baseTime == null ? now : parseBase(baseTime);
        // expressions are independent; a long list is computed on every core
        List<Answer> answers = (expressions.size() > 50 ? expressions.parallelStream() : expressions.stream())
                .map(expr -> Answer.of(expr, zone, base, iterations, systemdVersion)).toList();
        if (format.get() == OutputFormat.json) {
            ctx.out().println(json(answers));
        } else {
            new CalendarText(SystemdZone.of(zone), now, SystemdVersion.of(systemdVersion)).print(answers, ctx.out(), ctx.err());
        }
        ctx.out().flush();
        ctx.err().flush();
        return answers.stream().allMatch(a -> a.spec().isPresent()) ? 0 : 1;
    }

    /** One expression's outcome: the spec and its elapses, or the parse error. */
    record Answer(String expression, Optional<CalendarSpec> spec, List<Instant> next, Optional<CalendarException> error) {
        static Answer of(String expr, ZoneId zone, Instant base, int iterations, int systemdVersion) {
            try {
                CalendarSpec spec = CalendarSpec.parse(expr, zone, systemdVersion);
                List<Instant> next = new ArrayList<>();
                Instant at = base;
                for (int i = 0; i < iterations; i++) {
                    Optional<Instant> n = spec.next(at);
                    if (n.isEmpty()) {
                        break;
                    }
                    at = n.get();
                    next.add(at);
                }
                return new Answer(expr, Optional.of(spec), next, Optional.empty());
            } catch (CalendarException e) {
                return new Answer(expr, Optional.empty(), List.of(), Optional.of(e));
            }
        }

        String errorText() {
            return error.map(e -> "invalid calendar expression '" + expression + "': " + e.getMessage()
                    + " (column " + (e.index() + 1) + ")").orElse(null);
        }
    }

    static Instant parseBase(String text) {
        return parseInstant("--base-time", text);
    }

    /** An ISO-8601 instant or {@code @EPOCH[.FRACTION]}, as {@code --base-time} and {@code --from} take it. */
    static Instant parseInstant(String option, String text) {
        try {
            if (text.startsWith("@")) {
                BigDecimal seconds = new BigDecimal(text.substring(1));
                if (seconds.signum() < 0 || seconds.scale() > 6 && seconds.stripTrailingZeros().scale() > 6) {
                    throw new NumberFormatException();
                }
                BigDecimal micros = seconds.movePointRight(6);
                long usec = micros.longValueExact();
                return Instant.ofEpochSecond(Math.floorDiv(usec, 1_000_000L), Math.floorMod(usec, 1_000_000L) * 1000);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new UserError(option + ": '" + text + "' is neither an ISO-8601 instant (2026-01-01T00:00:00Z)"
                    + " nor @EPOCH[.FRACTION] with at most microseconds", 2);
        }
    }

    private static String json(List<Answer> answers) {
        // built here, not in a static field: text output should not pay for Jackson's start-up
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode root = json.createArrayNode();
        for (Answer a : answers) {
            ObjectNode o = root.addObject();
            o.put("expression", a.expression());
            o.put("valid", a.spec().isPresent());
            o.put("normalized", a.spec().map(CalendarSpec::normalized).orElse(null));
            ArrayNode next = o.putArray("next");
            a.next().forEach(t -> next.add(IsoInstant.format(t)));
            o.put("error", a.errorText());
        }
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
