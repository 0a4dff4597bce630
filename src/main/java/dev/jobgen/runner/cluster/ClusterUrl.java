package dev.jobgen.runner.cluster;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the cluster store is: a JDBC URL for the PostgreSQL driver plus connection properties.
 * Parsed from the text of the URL file, which holds either a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=u}, used as is) or a libpq connection URI
 * ({@code postgresql://user:secret@host:port/db?sslmode=require}, as in the PostgreSQL manual,
 * "Connection URIs"). The URI's percent-encoded user, password and database are decoded and
 * travel as properties, never re-spliced into the URL; several {@code host:port} entries become
 * the driver's fail-over list; libpq parameter names the driver spells differently are renamed.
 * Unix-socket hosts are refused: the JDBC driver speaks TCP only.
 */
public record ClusterUrl(String jdbcUrl, Map<String, String> properties) {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");
    /** libpq names whose pgjdbc spelling differs; values are converted by {@link #driverValue}. */
    private static final Map<String, String> RENAMED = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType",
            "keepalives", "tcpKeepAlive");

    public ClusterUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        properties = Map.copyOf(properties);
    }

    /** Parses the URL file's text (surrounding blanks and a final newline are ignored). */
    public static ClusterUrl parse(String text) {
        String s = text.strip();
        if (s.startsWith("jdbc:postgresql:")) {
            return new ClusterUrl(s, Map.of());
        }
        int scheme = s.indexOf("://");
        String name = scheme < 0 ? "" : s.substring(0, scheme);
        if (!name.equals("postgresql") && !name.equals("postgres")) {
            throw new IllegalArgumentException("not a postgresql:// URI or jdbc:postgresql: URL");
        }
        return fromUri(s.substring(scheme + 3));
    }

    private static ClusterUrl fromUri(String rest) {
        Map<String, String> props = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String main = q < 0 ? rest : rest.substring(0, q);
        int slash = main.indexOf('/');
        String authority = slash < 0 ? main : main.substring(0, slash);
        String database = slash < 0 ? "" : decode(main.substring(slash + 1));
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            putIfNotEmpty(props, "user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                props.put("password", decode(userInfo.substring(colon + 1)));
            }
            authority = authority.substring(at + 1);
        }
        for (String pair : query.isEmpty() ? new String[0] : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "host", "hostaddr", "port" -> throw new IllegalArgumentException(
                        "parameter '" + key + "': put hosts and ports before the database name (postgresql://host:port/db)");
                case "dbname" -> database = value;
                default -> props.put(RENAMED.getOrDefault(key, key), driverValue(key, value));
            }
        }
        return new ClusterUrl("jdbc:postgresql://" + hosts(authority) + "/" + encode(database), props);
    }

    /** Checks the {@code host[:port][,host[:port]...]} list; percent-decoded host names. */
    private static String hosts(String authority) {
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("no host: the JDBC driver connects over TCP only (no Unix sockets)");
        }
        StringBuilder out = new StringBuilder();
        for (String entry : authority.split(",", -1)) {
            String host = entry;
            String port = "";
            int close = entry.lastIndexOf(']');
            int colon = entry.lastIndexOf(':');
            if (colon > close && !(entry.startsWith("[") && close < 0)) {
                host = entry.substring(0, colon);
                port = entry.substring(colon + 1);
                if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                    throw new IllegalArgumentException("'" + port + "' is not a port number");
                }
            }
            host = decode(host);
            if (host.isEmpty() || host.startsWith("/")) {
                throw new IllegalArgumentException("no host: the JDBC driver connects over TCP only (no Unix sockets)");
            }
            if (host.contains(":") && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            out.append(out.length() == 0 ? "" : ",").append(host).append(port.isEmpty() ? "" : ":" + port);
        }
        return out.toString();
    }

    private static String driverValue(String key, String value) {
        switch (key) {
            case "keepalives":
                return value.equals("0") ? "false" : "true";
            case "target_session_attrs":
                switch (value) {
                    case "read-write", "primary":
                        return "primary";
                    case "read-only", "standby":
                        return "secondary";
                    case "prefer-standby":
                        return "preferSecondary";
                    default:
                        return "any";
                }
            default:
                return value;
        }
    }

    private static void putIfNotEmpty(Map<String, String> props, String key, String value) {
        if (!value.isEmpty()) {
            props.put(key, value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL without secrets, for messages. */
    public String redacted() {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }

    /** Whether the URL or the properties set {@code key} (the driver's spelling, case-insensitive). */
    boolean sets(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String p : properties.keySet()) {
            if (p.toLowerCase(Locale.ROOT).equals(k)) {
                return true;
            }
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.contains("?" + k + "=") || url.contains("&" + k + "=");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
