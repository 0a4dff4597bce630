package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.RunRecord;
import dev.jobgen.history.RunRecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen history JOB}: the runs {@code jobgen run} recorded for a job, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = {"Show the run history of a job.", "Read from runs.jsonl in the job's state directory."})
public final class HistoryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job name.")
    String job;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The job's state directory (default: /var/lib/jobgen/JOB).")
    String stateDir;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    @Option(names = "--limit", paramLabel = "N", description = "Show only the newest N runs (default 20; 0: all).")
    int limit = 20;

    @Option(names = "--cluster", description = "Show the fleet-wide history of a 'lock: cluster' job from the cluster store.")
    boolean cluster;

    @Option(names = "--cluster-url-file", paramLabel = "FILE", description = "With --cluster: the file holding the store's URL.")
    String clusterUrlFile;

    public HistoryCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (!job.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new UserError("'" + job + "' is not a job name", 2);
        }
        if (limit < 0) {
            throw new UserError("--limit must not be negative", 2);
        }
        if (cluster || clusterUrlFile != null) {
            return new ClusterHistoryView(ctx).show(job, clusterUrlFile, format.get(), limit);
        }
        Path dir = ctx.fs().getPath(stateDir != null ? stateDir : "/var/lib/jobgen/" + job);
        if (!Files.isDirectory(dir)) {
            throw new UserError("no history for job '" + job + "': " + dir + " does not exist");
        }
        HistoryReader.History history = HistoryReader.readCounting(dir);
        warnSkipped(ctx, "jobgen history", history, dir);
        List<RunRecord> runs = history.runs();
        if (limit > 0 && runs.size() > limit) {
            runs = runs.subList(runs.size() - limit, runs.size());
        }
        if (format.get() == OutputFormat.json) {
            ArrayNode array = JSON.createArrayNode();
            for (RunRecord r : runs) {
                array.add(JSON.readTree(RunRecordJson.toJson(r)));
            }
            ctx.out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (runs.isEmpty()) {
            ctx.out().println("no runs recorded for job '" + job + "' in " + dir);
        } else {
            printTable(runs);
        }
        ctx.out().flush();
        return 0;
    }

    /** Says on stderr how many lines were skipped, so a damaged history is not mistaken for a short one. */
    static void warnSkipped(CliContext ctx, String command, HistoryReader.History history, Path dir) {
        if (history.skippedLines() > 0) {
            ctx.err().println(command + ": " + history.warning(dir));
            ctx.err().flush();
        }
    }

    private void printTable(List<RunRecord> runs) {
        TextTable table = new TextTable("START", "DURATION", "OUTCOME", "EXIT", "ATTEMPTS", "PERIOD", "RUN ID").alignRight(1, 3, 4);
        for (RunRecord r : runs) {
            table.row(IsoInstant.format(r.start().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                    duration(r.durationMillis()), r.outcome().id(), String.valueOf(r.exitCode()), String.valueOf(r.attempts()),
                    r.period().map(IsoInstant::format).orElse("-"), r.runId());
        }
        ctx.out().print(table.render());
    }

    static String duration(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.3fs", millis / 1000.0);
        }
        long s = millis / 1000;
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
}
