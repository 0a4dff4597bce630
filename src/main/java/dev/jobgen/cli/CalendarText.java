package dev.jobgen.cli;

import dev.jobgen.model.SystemdVersion;
import dev.jobgen.time.SystemdZone;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The text layout of {@code systemd-analyze calendar}: labels right-aligned to 15 columns, a blank
 * line between expressions, timestamps as {@code Mon 2026-01-05 12:00:00 CET} (no sub-seconds),
 * "never" when there is no elapse, and no "(in UTC)" lines when the local zone is UTC.
 */
final class CalendarText {
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /**
     * The label of the second and later elapses: systemd 247 and 252 print "Iter. #2", 254, 257 and
     * 262 print "Iteration #2" (recorded on the real systemd, src/test/resources/conformance/N/text.txt).
     * 253 was not booted; the change is put at 254, the first version seen printing it.
     */
    static final int ITERATION_SPELLED_OUT = 254;
    private final SystemdZone zone;
    private final Instant now;
    private final String iterationLabel;

    CalendarText(SystemdZone zone, Instant now, SystemdVersion version) {
        this.zone = zone;
        this.now = now;
        this.iterationLabel = version.atLeast(ITERATION_SPELLED_OUT) ? "Iteration #" : "Iter. #";
    }

    void print(List<CalendarCommand.Answer> answers, PrintWriter writer, PrintWriter err) {
        boolean utc = zone.isUtcLike(now);
        // collected and written in one piece (up to each error, to keep stdout and stderr in
        // order): a line-by-line autoflushing writer costs more than computing the elapses
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            CalendarCommand.Answer a = answers.get(i);
            if (i > 0) {
                out.append('\n');
            }
            if (a.spec().isEmpty()) {
                toStderr(out, writer, err, "jobgen: " + a.errorText());
                continue;
            }
            // systemd 259 and later: weekdays that exclude a fixed date
            a.spec().get().fixedDateWeekdayWarning().ifPresent(w -> toStderr(out, writer, err, w));
            String normalized = a.spec().get().normalized();
            if (!normalized.equals(a.expression())) {
                line(out, "Original form", stripTrailingBlanks(a.expression()));
            }
            line(out, "Normalized form", normalized);
            if (a.next().isEmpty()) {
                line(out, "Next elapse", "never");
            }
            for (int k = 0; k < a.next().size(); k++) {
                Instant t = a.next().get(k);
                line(out, k == 0 ? "Next elapse" : iterationLabel + (k + 1), local(t));
                if (!utc) {
                    line(out, "(in UTC)", stamp(t.atOffset(ZoneOffset.UTC).toLocalDateTime()) + " UTC");
                }
                line(out, "From now", RelativeTime.format(micros(t), micros(now)));
            }
        }
        writer.print(out);
        writer.flush();
    }

    /** Writes what stdout holds so far, then {@code message} on stderr, so the two stay in order. */
    private static void toStderr(StringBuilder out, PrintWriter writer, PrintWriter err, String message) {
        writer.print(out);
        writer.flush();
        out.setLength(0);
        err.println(message);
        err.flush();
    }

    private String local(Instant t) {
        return stamp(t.atZone(zone.zoneId()).toLocalDateTime()) + " " + zone.abbreviation(t);
    }

    /**
     * strftime "%a %Y-%m-%d %H:%M:%S" in the C locale, built by hand: thousands of lines per run
     * make java.util.Formatter and locale data the bulk of a cold JVM's work.
     */
    private static String stamp(LocalDateTime t) {
        StringBuilder b = new StringBuilder(23).append(WEEKDAYS[t.getDayOfWeek().getValue() - 1]).append(' ');
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append(' ');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        return pad(b, t.getSecond(), 2).toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    /** systemd-analyze's table drops trailing blanks of a cell. */
    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && " \t\n\r".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void line(StringBuilder out, String label, String value) {
        for (int i = label.length(); i < 15; i++) {
            out.append(' ');
        }
        out.append(label).append(": ").append(value).append('\n');
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
