package dev.jobgen.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One recorded answer of systemd 252's {@code systemd-analyze calendar} (see conformance/README.md). */
record ConformanceRow(int line, String expr, String tz, Instant base, boolean valid, String normalized,
        List<Long> nextUsec, String errno, String source) {

    static List<ConformanceRow> load() {
        ObjectMapper json = new ObjectMapper();
        List<ConformanceRow> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ConformanceRow.class.getResourceAsStream("/conformance/calendar.jsonl"), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                n++;
                JsonNode o = json.readTree(l);
                List<Long> next = null;
                if (o.get("next_usec").isArray()) {
                    next = new ArrayList<>();
                    for (JsonNode u : o.get("next_usec")) {
                        next.add(u.asLong());
                    }
                }
                rows.add(new ConformanceRow(n, o.get("expr").asText(), o.get("tz").asText(),
                        Instant.parse(o.get("base").asText()), o.get("valid").asBoolean(),
                        o.get("normalized").isNull() ? null : o.get("normalized").asText(), next,
                        o.get("errno").isNull() ? null : o.get("errno").asText(), o.get("source").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    boolean loopGuard() {
        return "EDEADLK".equals(errno);
    }

    /** What the engine answers for this row, as comparable text; empty when it agrees. */
    Optional<String> mismatch() {
        CalendarSpec spec;
        try {
            spec = CalendarSpec.parse(expr, ZoneId.of(tz));
        } catch (CalendarException e) {
            return valid ? Optional.of("rejected: " + e.getMessage() + " at " + e.index()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("crash: " + e);
        }
        if (!valid) {
            return Optional.of("accepted as " + spec.normalized());
        }
        if (!spec.normalized().equals(normalized)) {
            return Optional.of("normalized " + spec.normalized() + " expected " + normalized);
        }
        if (nextUsec == null) {
            return Optional.empty();
        }
        List<Long> got = new ArrayList<>();
        long base = base().getEpochSecond() * 1_000_000L + base().getNano() / 1000;
        try {
            Instant at = base();
            for (int i = 0; i < 5; i++) {
                Optional<Instant> n = spec.next(at);
                if (n.isEmpty()) {
                    break;
                }
                at = n.get();
                got.add(at.getEpochSecond() * 1_000_000L + at.getNano() / 1000);
            }
        } catch (RuntimeException e) {
            return Optional.of("crash in next: " + e);
        }
        return got.equals(nextUsec) ? Optional.empty()
                : Optional.of("next " + show(got) + " expected " + show(nextUsec) + " base " + base);
    }

    private static String show(List<Long> usecs) {
        return usecs.stream().map(u -> Instant.ofEpochSecond(u / 1_000_000, u % 1_000_000 * 1000).toString()).toList().toString();
    }
}
