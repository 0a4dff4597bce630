package dev.jobgen.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the class-data-sharing archive ({@code jobgen --create-cds} in the node
 * launcher runs it with {@code -XX:ArchiveClassesAtExit}): the runner's hot path end to end, node
 * lock, period stamp, history, metrics, child, and a Healthchecks start and success ping answered
 * by a loopback server here, then a lean run's start and end phase, so every class those load
 * lands in the archive. Never used otherwise.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // the entry point too: a class missing from the archive makes the JVM open (and index) the jar
        Class.forName("dev.jobgen.Main");
        Path work = Files.createTempDirectory("jobgen-cds");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", new HttpHandler() {
            @Override
            public void handle(HttpExchange ex) throws IOException {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, 2);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[] {'O', 'K'});
                }
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cds-training";
        String[] common = {"run", "--job", "cds-training", "--state-dir", work.resolve("state").toString(),
            "--lock-dir", work.resolve("lock").toString(), "--lock", "node", "--metrics-dir", work.resolve("metrics").toString(),
            "--heartbeat", "healthchecks", "--heartbeat-url", url};
        String[] stamped = {"--idempotent", "period", "--schedule", "*-*-* 00:00:00 UTC"};
        int status = RunnerMain.run(concat(concat(common, stamped), "--", "/bin/true"));
        if (status == 0) {
            // again: the period now comes from the remembered elapses, the stamp makes it a skip
            RunnerMain.run(concat(concat(common, stamped), "--", "/bin/true"));
            status = RunnerMain.run(concat(concat(common, stamped), "--force", "--", "/bin/true"));
        }
        // and a run with no schedule at all (the period source without periods)
        int plain = RunnerMain.run(concat(common, "--", "/bin/true"));
        status = status == 0 ? plain : status;
        // a lean run's start and end phases, as systemd calls them
        String[] lean = concat(new String[] {"--job", "cds-training", "--state-dir", work.resolve("state").toString(), "--lock-dir",
            work.resolve("lock").toString(), "--lock", "node", "--metrics-dir", work.resolve("metrics").toString()}, stamped);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
        int start = LeanRun.main("start", List.of(concat(lean, "--force", "--", "/bin/true")), env);
        env.putAll(Map.of("SERVICE_RESULT", "success", "EXIT_CODE", "exited", "EXIT_STATUS", "0"));
        int end = start == 0 ? LeanRun.main("end", List.of(concat(lean, "--", "/bin/true")), env) : start;
        status = status == 0 ? end : status;
        server.stop(0);
        deleteTree(work);
        System.exit(status);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
