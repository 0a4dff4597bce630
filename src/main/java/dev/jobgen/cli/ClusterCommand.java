package dev.jobgen.cli;

import dev.jobgen.runner.cluster.ClusterAdmin;
import dev.jobgen.runner.cluster.ClusterSchema;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobgen cluster init --url-file F}: creates the {@code lock: cluster} store's schema ahead of the first run. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Manage the PostgreSQL store behind 'lock: cluster'.",
        subcommands = {ClusterCommand.Init.class})
public final class ClusterCommand implements Runnable {
    private final CliContext ctx;

    public ClusterCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        throw new UserError("missing subcommand: jobgen cluster init --url-file FILE", 2);
    }

    /** {@code jobgen cluster init}: idempotent; says which schema version it found. */
    @Command(name = "init", mixinStandardHelpOptions = true, description = "Creates (or upgrades) the schema 'jobgen' in the cluster database; runs also do it on first use.")
    static final class Init implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ClusterCommand parent;

        @Option(names = "--url-file", required = true, paramLabel = "FILE",
                description = "File holding a postgresql://user@host:port/db URI or a jdbc:postgresql: URL.")
        String urlFile;

        @Override
        public Integer call() {
            CliContext ctx = parent.ctx;
            try {
                int before = new ClusterAdmin(ClusterUrlFile.connector(ctx, urlFile)).init();
                ctx.out().println(before == ClusterSchema.VERSION ? "cluster schema is up to date (version " + before + ")"
                        : "cluster schema created (version " + before + " -> " + ClusterSchema.VERSION + ")");
                ctx.out().flush();
                return 0;
            } catch (SQLException e) {
                throw new UserError("cluster store: " + e.getMessage(), 1);
            }
        }
    }
}
