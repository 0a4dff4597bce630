package dev.jobgen.runner.cluster;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link PostgresServer} parameter with one server shared by all test classes of the
 * run (initdb costs seconds); it is stopped and deleted when the run ends. Tests isolate
 * themselves with {@link PostgresServer#createDatabase}; tests that stop the server start their own.
 */
final class SharedPostgres implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedPostgres.class);

    /** Skips each test with the reason when no server can run here (an abort while resolving would be an error). */
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Optional<String> missing = PostgresServer.missing();
        Assumptions.assumeTrue(missing.isEmpty(), missing.orElse(""));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", key -> {
            try {
                return PostgresServer.start();
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
            }
        }, PostgresServer.class);
    }
}
