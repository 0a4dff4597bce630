package dev.jobgen.runner.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} in a temp dir, {@code pg_ctl start} on
 * a free loopback port, trust authentication for the role {@code jobgen}, fsync off (the data
 * outlives a server crash, not a machine crash: {@link #stop} then {@link #resume} keeps it). PostgreSQL
 * refuses to run as root, so as root the server runs as an unprivileged user ({@code
 * $JOBGEN_PG_USER}, default {@code postgres}, which the Debian package creates) through
 * {@code runuser}. Binaries from {@code $JOBGEN_PG_BIN}, else {@code /usr/lib/postgresql/15/bin} (or another version there).
 * When any of that is missing, {@link #start} aborts the calling test with the reason (skipped).
 */
final class PostgresServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final List<String> asUser;

    private PostgresServer(Path bin, Path dir, int port, List<String> asUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asUser = asUser;
    }

    /** Why no server can be started here, or empty when one can. */
    static Optional<String> missing() throws IOException, InterruptedException {
        Path bin = binaries();
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            return Optional.of("PostgreSQL is not installed (no initdb/pg_ctl in " + bin
                    + "; set JOBGEN_PG_BIN or install postgresql)");
        }
        if (osUser().isPresent()) {
            String user = osUser().get();
            if (exec(List.of("id", "-u", user)) != 0) {
                return Optional.of("running as root and there is no user '" + user + "' to run PostgreSQL as (set JOBGEN_PG_USER)");
            }
            if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
                return Optional.of("running as root without runuser to start PostgreSQL as '" + user + "'");
            }
        }
        return Optional.empty();
    }

    /** The user to run the server as: none unless root (PostgreSQL refuses to run as root). */
    private static Optional<String> osUser() {
        return "root".equals(System.getProperty("user.name"))
                ? Optional.of(System.getenv().getOrDefault("JOBGEN_PG_USER", "postgres")) : Optional.empty();
    }

    /** Starts a server; aborts the calling test (skipped, with the reason) when none can run here. */
    static PostgresServer start() throws IOException, InterruptedException {
        Optional<String> missing = missing();
        Assumptions.assumeTrue(missing.isEmpty(), missing.orElse(""));
        Path bin = binaries();
        String user = osUser().orElse(null);
        List<String> asUser = user == null ? List.of() : List.of("runuser", "-u", user, "--");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "jobgen-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (user != null) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(dir, owner);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), asUser);
        server.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "jobgen", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), "initdb.log");
        server.resume();
        return server;
    }

    /** {@code $JOBGEN_PG_BIN}, else {@code /usr/lib/postgresql/15/bin}, else the newest other Debian version there. */
    private static Path binaries() throws IOException {
        String env = System.getenv("JOBGEN_PG_BIN");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        Path root = Path.of("/usr/lib/postgresql");
        Path preferred = root.resolve("15/bin");
        if (Files.isExecutable(preferred.resolve("initdb")) || !Files.isDirectory(root)) {
            return preferred;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("[0-9]+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).orElse(preferred);
        }
    }

    /** (Re)starts the server on the same data directory and port. */
    void resume() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                        + " -c fsync=off -c full_page_writes=off", "start"), "pg_ctl.log");
    }

    /** Stops at once (like a crash: sessions are cut). */
    void stop() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "-t", "30",
                "stop"), "pg_ctl.log");
    }

    boolean running() {
        return Files.exists(dir.resolve("data/postmaster.pid"));
    }

    int port() {
        return port;
    }

    /** A new empty database; returns its libpq URI ({@code postgresql://jobgen@127.0.0.1:PORT/NAME}). */
    String createDatabase() throws SQLException {
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://jobgen@127.0.0.1:" + port + "/" + name;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=jobgen";
    }

    @Override
    public void close() throws IOException {
        if (running()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void pg(List<String> command, String log) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(asUser);
        argv.addAll(command);
        Path out = Files.createTempFile("jobgen-pg", ".log");
        try {
            int status = exec(argv, out);
            if (status != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + status + "):\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + tail(dir.resolve("server.log")));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tail(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int exec(List<String> argv) throws IOException, InterruptedException {
        return exec(argv, Path.of("/dev/null"));
    }

    private static int exec(List<String> argv, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(argv + " did not finish");
        }
        return p.exitValue();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
