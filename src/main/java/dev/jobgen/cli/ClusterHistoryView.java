package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.runner.cluster.ClusterAdmin;
import dev.jobgen.runner.cluster.ClusterRun;
import java.io.IOException;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code jobgen history JOB --cluster}: who ran or skipped which period, from the cluster store. */
final class ClusterHistoryView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliContext ctx;

    ClusterHistoryView(CliContext ctx) {
        this.ctx = ctx;
    }

    int show(String job, String urlFile, OutputFormat format, int limit) throws IOException {
        if (urlFile == null) {
            throw new UserError("--cluster needs --cluster-url-file FILE (the job's cluster url-file)", 2);
        }
        List<ClusterRun> runs;
        try {
            runs = new ClusterAdmin(ClusterUrlFile.connector(ctx, urlFile)).history(job, limit);
        } catch (SQLException e) {
            throw new UserError("cluster store: " + e.getMessage(), 1);
        }
        if (format == OutputFormat.json) {
            ArrayNode array = JSON.createArrayNode();
            for (ClusterRun r : runs) {
                ObjectNode o = array.addObject();
                o.put("job", r.job()).put("period", r.period()).put("run_id", r.runId()).put("host", r.host())
                        .put("start", IsoInstant.format(r.start())).put("outcome", r.outcome());
                o.put("end", r.end().map(IsoInstant::format).orElse(null));
                o.put("exit_code", r.exitCode().orElse(null));
            }
            ctx.out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (runs.isEmpty()) {
            ctx.out().println("no runs recorded for job '" + job + "' in the cluster store");
        } else {
            TextTable table = new TextTable("START", "DURATION", "OUTCOME", "EXIT", "HOST", "PERIOD", "RUN ID").alignRight(1, 3);
            for (ClusterRun r : runs) {
                table.row(IsoInstant.format(r.start().truncatedTo(ChronoUnit.SECONDS)),
                        r.end().map(e -> HistoryCommand.duration(Math.max(0, e.toEpochMilli() - r.start().toEpochMilli())))
                                .orElse("-"),
                        r.outcome(), r.exitCode().map(String::valueOf).orElse("-"), r.host(), r.period(), r.runId());
            }
            ctx.out().print(table.render());
        }
        ctx.out().flush();
        return 0;
    }
}
