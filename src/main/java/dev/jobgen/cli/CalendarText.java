package dev.jobgen.cli;

import dev.jobgen.time.SystemdZone;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The text layout of {@code systemd-analyze calendar}: labels right-aligned to 15 columns, a blank
 * line between expressions, timestamps as {@code Mon 2026-01-05 12:00:00 CET} (no sub-seconds),
 * "never" when there is no elapse, and no "(in UTC)" lines when the local zone is UTC.
 */
final class CalendarText {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.US);
    private final SystemdZone zone;
    private final Instant now;

    CalendarText(SystemdZone zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    void print(List<CalendarCommand.Answer> answers, PrintWriter out, PrintWriter err) {
        boolean utc = zone.isUtcLike(now);
        for (int i = 0; i < answers.size(); i++) {
            CalendarCommand.Answer a = answers.get(i);
            if (i > 0) {
                out.println();
            }
            if (a.spec().isEmpty()) {
                out.flush();
                err.println("jobgen: " + a.errorText());
                err.flush();
                continue;
            }
            String normalized = a.spec().get().normalized();
            if (!normalized.equals(a.expression())) {
                line(out, "Original form", a.expression());
            }
            line(out, "Normalized form", normalized);
            if (a.next().isEmpty()) {
                line(out, "Next elapse", "never");
            }
            for (int k = 0; k < a.next().size(); k++) {
                Instant t = a.next().get(k);
                line(out, k == 0 ? "Next elapse" : "Iter. #" + (k + 1), local(t));
                if (!utc) {
                    line(out, "(in UTC)", STAMP.format(t.atOffset(ZoneOffset.UTC)) + " UTC");
                }
                line(out, "From now", RelativeTime.format(micros(t), micros(now)));
            }
        }
    }

    private String local(Instant t) {
        return STAMP.format(t.atZone(zone.zoneId())) + " " + zone.abbreviation(t);
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(" ".repeat(Math.max(0, 15 - label.length())) + label + ": " + value);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
