package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.compile.Compilation;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.RunRecord;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.runner.MetricsWriter;
import dev.jobgen.status.HealthEvaluator;
import dev.jobgen.status.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * {@code jobgen status}: each job's health from its run history and its schedule; exit 1 when any
 * job is failing, late or missed a run, so it can serve as a monitoring check.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each job's health from its run history and schedule.",
                "Last outcome, last success, consecutive failures, next expected run, and whether it is LATE or MISSED a run.",
                "Exit 1 when any job is FAILING, LATE or MISSED."})
public final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "CATALOGUE", description = "Catalogue files (as installed on this node).")
    List<String> catalogues;

    @Option(names = "--state-root", paramLabel = "DIR", defaultValue = "/var/lib/jobgen",
            description = "Where the jobs' state directories live (default ${DEFAULT-VALUE}).")
    String stateRoot;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    @Option(names = "--metrics-dir", paramLabel = "DIR",
            description = "Also write Prometheus textfile metrics (jobgen_*.prom) for every job into DIR.")
    String metricsDir;

    public StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, CatalogueException {
        if (metricsDir != null && Files.exists(ctx.fs().getPath(metricsDir)) && !Files.isDirectory(ctx.fs().getPath(metricsDir))) {
            throw new UserError("--metrics-dir " + metricsDir + ": not a directory", 2);
        }
        Compilation compilation = new CatalogueReader(ctx).compileValid(catalogues, CatalogueOptions.defaults(), false);
        // one "now" and one zone for every job, so a report is a consistent snapshot
        Instant now = ctx.clock().instant();
        ZoneId zone = LocalZone.from(ctx.env());
        Optional<MetricsWriter> metrics = Optional.ofNullable(metricsDir).map(d -> new MetricsWriter(ctx.fs().getPath(d)));
        List<JobStatus> statuses = new ArrayList<>();
        for (Catalogue c : compilation.catalogues()) {
            for (Job job : c.jobs()) {
                Path dir = ctx.fs().getPath(stateRoot, job.name());
                List<RunRecord> history = List.of();
                if (Files.isDirectory(dir)) {
                    HistoryReader.History read = HistoryReader.readCounting(dir);
                    HistoryCommand.warnSkipped(ctx, "jobgen status", read, dir);
                    history = read.runs();
                }
                JobStatus status = HealthEvaluator.evaluate(job, history, now, zone, c.target().number());
                statuses.add(status);
                if (metrics.isPresent()) {
                    metrics.get().write(job.name(), history, status.nextExpected());
                }
            }
        }
        if (format.get() == OutputFormat.json) {
            printJson(statuses);
        } else {
            printText(statuses);
        }
        return statuses.stream().anyMatch(s -> s.health().unhealthy()) ? 1 : 0;
    }

    private void printText(List<JobStatus> statuses) {
        TextTable table = new TextTable("JOB", "STATUS", "LAST RUN", "LAST SUCCESS", "NEXT", "NOTES");
        for (JobStatus s : statuses) {
            String last = s.history().lastRun().map(r -> r.outcome().id() + " " + IsoInstant.format(r.start())).orElse("-");
            String success = s.history().lastSuccess().map(r -> IsoInstant.format(r.start())).orElse("-");
            String next = s.nextExpected().map(IsoInstant::format).orElse("-");
            table.row(s.job(), s.health().label(), last, success, next, String.join("; ", s.reasons()));
        }
        ctx.out().print(table.render());
        ctx.out().flush();
    }

    private void printJson(List<JobStatus> statuses) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (JobStatus s : statuses) {
            ObjectNode o = array.addObject();
            o.put("job", s.job());
            o.put("status", s.health().label());
            o.put("healthy", !s.health().unhealthy());
            o.put("last_outcome", s.history().lastRun().map(r -> r.outcome().id()).orElse(null));
            o.put("last_run", s.history().lastRun().map(r -> IsoInstant.format(r.start())).orElse(null));
            o.put("last_success", s.history().lastSuccess().map(r -> IsoInstant.format(r.start())).orElse(null));
            o.put("consecutive_failures", s.history().consecutiveFailures());
            o.put("next_expected", s.nextExpected().map(IsoInstant::format).orElse(null));
            s.reasons().forEach(o.putArray("reasons")::add);
        }
        ctx.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        ctx.out().flush();
    }
}
