package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.compile.Compilation;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.ScheduleAnalysis;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobgen next}: the upcoming runs of each job, computed offline with the same engine that
 * validates schedules, in the job's zone and in UTC, with the jitter window where there is one.
 */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = {"Show the next runs of the catalogue's jobs, offline.",
                "Jobs on an 'every:' interval count from boot and from their last run, which only the node knows."})
public final class NextCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "CATALOGUE", description = "Catalogue files.")
    List<String> catalogues;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5", description = "Runs per job (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--from", paramLabel = "TS", description = "Start after this instant (ISO-8601 or @EPOCH); default: now.")
    String from;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job.")
    String job;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    public NextCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One upcoming run: when, in which zone the job thinks, and until when jitter may delay it. */
    record Run(Job job, Instant at, ZoneId zone, Optional<Instant> jitterUntil) {}

    @Override
    public Integer call() throws IOException, CatalogueException {
        if (count < 1) {
            throw new UserError("--count must be at least 1", 2);
        }
        Compilation compilation = new CatalogueReader(ctx).compileValid(catalogues, CatalogueOptions.defaults(), false);
        Instant start = from == null ? ctx.clock().instant() : CalendarCommand.parseInstant("--from", from);
        List<Run> runs = new ArrayList<>();
        List<Job> monotonic = new ArrayList<>();
        boolean found = false;
        for (Catalogue c : compilation.catalogues()) {
            for (Job j : c.jobs()) {
                if (job != null && !j.name().equals(job)) {
                    continue;
                }
                found = true;
                if (j.timer().schedule().calendarExpressions().isEmpty()) {
                    monotonic.add(j);
                } else {
                    runs.addAll(upcoming(j, start, c.target().number()));
                }
            }
        }
        if (!found) {
            if (job != null) {
                throw new UserError("--job " + job + ": no job of that name in the catalogue", 2);
            }
            throw new UserError("no jobs in the catalogue");
        }
        runs.sort(Comparator.comparing(Run::at).thenComparing(r -> r.job().name()));
        if (format.get() == OutputFormat.json) {
            printJson(runs, monotonic);
        } else {
            printText(runs, monotonic);
        }
        return 0;
    }

    /** The runs as the catalogue's target systemd computes them, where versions differ. */
    private List<Run> upcoming(Job j, Instant start, int systemdVersion) {
        ZoneId local = LocalZone.from(ctx.env());
        ZoneId zone = j.timer().timezone().map(ZoneId::of).orElse(local);
        List<Run> out = new ArrayList<>();
        List<CalendarSpec> specs;
        try {
            specs = ScheduleAnalysis.specs(j.timer().schedule().calendarExpressions(), local, systemdVersion);
        } catch (IllegalArgumentException e) {
            throw new UserError("a schedule of job " + j.name() + " is not valid with TZ=" + ctx.env().get("TZ") + ": " + e.getMessage());
        }
        for (Instant at : ScheduleAnalysis.upcoming(specs, start, Instant.MAX, count)) {
            out.add(new Run(j, at, zone, j.timer().jitter().filter(s -> s.usec() != 0).map(s -> at.plusNanos(s.saturatedMicros() * 1000))));
        }
        return out;
    }

    private void printText(List<Run> runs, List<Job> monotonic) {
        int width = java.util.stream.Stream.concat(runs.stream().map(Run::job), monotonic.stream())
                .mapToInt(j -> j.name().length()).max().orElse(3);
        for (Run r : runs) {
            String suspended = r.job().timer().enabled() ? "" : "  (suspended: enabled: false)";
            String jitter = r.jitterUntil().map(u -> "  jitter until " + LOCAL.format(u.atZone(r.zone()))).orElse("");
            ctx.out().printf(Locale.ROOT, "%-" + width + "s  %s  %s%s%s%n", r.job().name(), LOCAL.format(r.at().atZone(r.zone())),
                    IsoInstant.format(r.at()), jitter, suspended);
        }
        for (Job j : monotonic) {
            String every = j.timer().schedule().<String>match(c -> "at boot (+1min)", c -> "at boot (+1min)",
                    e -> "every " + e.interval().normalized() + " after boot and after each run");
            ctx.out().printf(Locale.ROOT, "%-" + width + "s  %s%n", j.name(), every);
        }
        ctx.out().flush();
    }

    private void printJson(List<Run> runs, List<Job> monotonic) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (Run r : runs) {
            ObjectNode o = array.addObject();
            o.put("job", r.job().name());
            o.put("at", IsoInstant.format(r.at()));
            o.put("local", r.at().atZone(r.zone()).toOffsetDateTime().toString());
            o.put("zone", r.zone().getId());
            o.put("jitter_until", r.jitterUntil().map(IsoInstant::format).orElse(null));
            o.put("enabled", r.job().timer().enabled());
        }
        for (Job j : monotonic) {
            ObjectNode o = array.addObject();
            o.put("job", j.name());
            o.putNull("at");
            o.put("monotonic", j.timer().schedule().<String>match(c -> "boot", c -> "boot", e -> e.interval().normalized()));
            o.put("enabled", j.timer().enabled());
        }
        ctx.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        ctx.out().flush();
    }
}
