package dev.jobgen.cli;

import dev.jobgen.diag.IoProblem;
import dev.jobgen.runspec.RunSpec.ClusterSettings;
import dev.jobgen.runner.cluster.ClusterConnector;
import java.io.IOException;
import java.util.Optional;

/** The {@code --url-file} of the cluster commands, read as the runner reads {@code --cluster-url-file}. */
final class ClusterUrlFile {
    private ClusterUrlFile() {}

    static ClusterConnector connector(CliContext ctx, String file) {
        try {
            return ClusterConnector.of(new ClusterSettings(Optional.of(ctx.fs().getPath(file)), Optional.empty(),
                    dev.jobgen.runspec.OnUnavailable.FAIL), ctx.env());
        } catch (IOException e) {
            throw new UserError("cannot read the cluster URL: " + IoProblem.describe(e), 1);
        }
    }
}
