package dev.jobgen.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training runs behind the class-data-sharing archives of the node launcher ({@code jobgen
 * --create-cds}). Without arguments, for the runner's archive ({@code -XX:ArchiveClassesAtExit}): the
 * runner's hot path end to end, node lock, period stamp, history, metrics, child, and a Healthchecks
 * start and success ping answered by a loopback server here, then a lean run's start and end phase,
 * so every class those load lands in the archive.
 *
 * <p>With {@code quiet}, for the archive of runs without a heartbeat (a static one, dumped from the
 * class list of this run): the same without server and pings, and only what a run loads in its
 * steady state. Every runner copies the writable pages of its archive as it links the classes in
 * them, and a class it never loads shares pages with those it does, so each class in that archive
 * that a running job does not need costs every running job memory. The first run of a job, which
 * computes its schedule's periods (the calendar engine, the zone rules), therefore runs in a JVM of
 * its own here; this one then only finds them remembered. The work directory is named by the pid in
 * the directory given after {@code quiet} (the launcher gives the archives' own) rather than by
 * {@code SecureRandom}, and the tree goes without streams, for the same reason. Never used otherwise.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException, ClassNotFoundException {
        // the entry point too: a class missing from the archive makes the JVM open (and index) the jar
        Class.forName("dev.jobgen.Main");
        boolean quiet = args.length > 0 && args[0].equals("quiet");
        // quiet: in the directory the launcher names (the archives' own, root's on a node), where no other
        // user can make the name first; the pid is unique among live trainings, and mkdir follows no link
        Path work;
        if (quiet) {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: CdsTraining quiet DIRECTORY (the archives' own directory)");
            }
            work = Path.of(args[1], ".jobgen-cds-training-" + ProcessHandle.current().pid());
            deleteTree(work);   // left by a training that was killed, under a pid used again since
            Files.createDirectory(work);
        } else {
            work = Files.createTempDirectory("jobgen-cds");
        }
        HttpServer server = quiet ? null : pingServer();
        String[] common = {"run", "--job", "cds-training", "--state-dir", work.resolve("state").toString(),
            "--lock-dir", work.resolve("lock").toString(), "--lock", "node", "--metrics-dir", work.resolve("metrics").toString()};
        if (server != null) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cds-training";
            common = concat(common, "--heartbeat", "healthchecks", "--heartbeat-url", url);
        }
        String[] stamped = {"--idempotent", "period", "--schedule", "*-*-* 00:00:00 UTC"};
        String[] first = concat(concat(common, stamped), "--", "/bin/true");
        int status = quiet ? inOwnJvm(first) : RunnerMain.run(first);
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
        if (server != null) {
            server.stop(0);
        }
        deleteTree(work);
        System.exit(status);
    }

    /** {@code jobgen ARGS} in a JVM of its own, on this one's class path; its exit status. */
    private static int inOwnJvm(String[] args) throws IOException, InterruptedException {
        // where this one has the jar: the quiet runs' archive is trained with it on the boot class path
        String boot = System.getProperty(SchedulePeriods.JAR_PROPERTY, "");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC"));
        argv.addAll(boot.isEmpty() ? List.of("-cp", System.getProperty("java.class.path"))
                : List.of("-Xbootclasspath/a:" + boot, "-D" + SchedulePeriods.JAR_PROPERTY + "=" + boot));
        argv.add("dev.jobgen.Main");
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** A loopback server that answers every ping with 200. */
    private static HttpServer pingServer() throws IOException {
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
        return server;
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    deleteTree(entry);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
