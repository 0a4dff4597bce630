package dev.jobgen.runner;

import dev.jobgen.ping.Ping;
import dev.jobgen.runspec.HeartbeatSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pings of one provider for a run: one when the command starts, one when the run ends. Each
 * provider is a small nested class; the facts it may use are in {@link RunFacts} and {@link End}.
 */
sealed interface HeartbeatProtocol permits HeartbeatProtocol.Healthchecks, HeartbeatProtocol.Cronitor, HeartbeatProtocol.Templates {

    Optional<Ping> start(RunFacts run);

    Optional<Ping> end(RunFacts run, End end);

    /** What is known when the run starts; {@code period} is empty for jobs without a schedule. */
    record RunFacts(String job, String runId, String period, String host) {}

    /** How the run ended; {@code bodyLimit} is what the server asked for in {@code Ping-Body-Limit}. */
    record End(boolean success, int exitCode, Duration duration, byte[] tail, OptionalInt bodyLimit) {}

    static HeartbeatProtocol of(HeartbeatSpec config, String url) {
        return switch (config.provider()) {
            case HEALTHCHECKS -> new Healthchecks(url);
            case CRONITOR -> new Cronitor(url);
            case URL -> new Templates(url, config.startTemplate(), config.failureTemplate());
        };
    }

    /**
     * Healthchecks.io ping API: {@code /start}, success on the bare URL, {@code /<exit-code>} on
     * failure, each with {@code rid=} so the server pairs start and end; the log tail is the POST
     * body, cut to the server's {@code Ping-Body-Limit}.
     */
    record Healthchecks(String base) implements HeartbeatProtocol {
        @Override
        public Optional<Ping> start(RunFacts run) {
            return Optional.of(Ping.get(withPath(base, "/start") + query(base, "rid=" + run.runId())));
        }

        @Override
        public Optional<Ping> end(RunFacts run, End end) {
            String url = end.success() ? base : withPath(base, "/" + end.exitCode());
            byte[] body = end.tail();
            int limit = end.bodyLimit().orElse(Integer.MAX_VALUE);
            if (body.length > limit) {
                body = Arrays.copyOfRange(body, body.length - limit, body.length);
            }
            return Optional.of(Ping.post(url + query(url, "rid=" + run.runId()), body));
        }

        private static String withPath(String url, String suffix) {
            int q = url.indexOf('?');
            String path = q < 0 ? url : url.substring(0, q);
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return path + suffix + (q < 0 ? "" : url.substring(q));
        }
    }

    /**
     * Cronitor telemetry API: {@code state=run|complete|fail} with {@code series=} the run id, and
     * on the end ping {@code status_code=}, {@code duration=} seconds and, on failure, the end of the
     * log tail as {@code message=} (Cronitor keeps up to 2000 characters).
     */
    record Cronitor(String base) implements HeartbeatProtocol {
        private static final int MESSAGE_CHARS = 1800;

        @Override
        public Optional<Ping> start(RunFacts run) {
            return Optional.of(Ping.get(base + query(base, "state=run&series=" + enc(run.runId()) + "&host=" + enc(run.host()))));
        }

        @Override
        public Optional<Ping> end(RunFacts run, End end) {
            StringBuilder q = new StringBuilder("state=").append(end.success() ? "complete" : "fail")
                    .append("&series=").append(enc(run.runId()))
                    .append("&host=").append(enc(run.host()))
                    .append("&status_code=").append(end.exitCode())
                    .append("&duration=").append(String.format(java.util.Locale.ROOT, "%.3f", end.duration().toMillis() / 1000.0));
            if (!end.success() && end.tail().length > 0) {
                String text = new String(end.tail(), StandardCharsets.UTF_8);
                q.append("&message=").append(enc(text.substring(Math.max(0, text.length() - MESSAGE_CHARS))));
            }
            return Optional.of(Ping.get(base + query(base, q.toString())));
        }
    }

    /**
     * Plain URLs with {@code {job}}, {@code {run_id}}, {@code {exit_code}}, {@code {period}}
     * (URL-encoded): start and success are GET, failure is a POST carrying the log tail.
     */
    record Templates(String success, Optional<String> start, Optional<String> failure) implements HeartbeatProtocol {
        @Override
        public Optional<Ping> start(RunFacts run) {
            return start.isPresent() ? Optional.of(Ping.get(expand(start.get(), run, ""))) : Optional.empty();
        }

        @Override
        public Optional<Ping> end(RunFacts run, End end) {
            if (end.success()) {
                return Optional.of(Ping.get(expand(success, run, "0")));
            }
            return failure.isPresent()
                    ? Optional.of(Ping.post(expand(failure.get(), run, Integer.toString(end.exitCode())), end.tail()))
                    : Optional.empty();
        }

        static String expand(String template, RunFacts run, String exitCode) {
            return template.replace("{job}", enc(run.job()))
                    .replace("{run_id}", enc(run.runId()))
                    .replace("{exit_code}", enc(exitCode))
                    .replace("{period}", enc(run.period()));
        }
    }

    private static String query(String url, String params) {
        return (url.indexOf('?') < 0 ? "?" : "&") + params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
