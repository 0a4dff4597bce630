package dev.jobgen.runner.cluster;

import dev.jobgen.runspec.RunSpec;
import dev.jobgen.runspec.RunSpec.ClusterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens sessions to the cluster store with bounded waits. The driver is instantiated directly
 * (not through {@code DriverManager}, which scans the class path for every driver). Unless the URL
 * says otherwise: 5 s to open the TCP connection, 10 s to log in, 30 s for any one answer, TCP
 * keep-alive on, and the application name {@code jobgen} so a DBA sees who holds a lock.
 */
public final class ClusterConnector {
    static final Map<String, String> DEFAULTS = Map.of(
            "connectTimeout", "5",
            "loginTimeout", "10",
            "socketTimeout", "30",
            "tcpKeepAlive", "true",
            "ApplicationName", "jobgen");

    private final ClusterUrl url;

    public ClusterConnector(ClusterUrl url) {
        this.url = url;
    }

    /** Reads the URL from {@code --cluster-url-file} or {@code $CREDENTIALS_DIRECTORY/NAME}. */
    public static ClusterConnector of(ClusterSettings settings, Map<String, String> env) throws IOException {
        Path file;
        if (settings.urlFile().isPresent()) {
            file = settings.urlFile().get();
        } else if (settings.credential().isPresent()) {
            file = RunSpec.credentialFile(env, settings.credential().get());
        } else {
            throw new IOException("no --cluster-url-file or --cluster-credential");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return new ClusterConnector(ClusterUrl.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public ClusterUrl url() {
        return url;
    }

    /** A new autocommit session. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
            if (!url.sets(d.getKey())) {
                props.setProperty(d.getKey(), d.getValue());
            }
        }
        props.putAll(url.properties());
        Connection c = new org.postgresql.Driver().connect(url.jdbcUrl(), props);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + url.redacted());
        }
        return c;
    }
}
