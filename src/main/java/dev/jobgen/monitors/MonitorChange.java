package dev.jobgen.monitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code apply} would do for one job: create its check, update the fields that differ,
 * nothing, or skip the job. {@code id} is the provider's identifier of the existing check.
 */
public record MonitorChange(DesiredMonitor monitor, Kind kind, Map<String, Object> fields, List<FieldChange> changes, Optional<String> id) {

    public enum Kind { CREATE, UPDATE, UNCHANGED, SKIP }

    /** One field whose value the provider holds ({@code before}, null when absent) differs. */
    public record FieldChange(String field, Object before, Object after) {}

    /** A check as the provider holds it: its identifier and its fields. */
    public record Existing(String id, Map<String, Object> fields) {}

    public MonitorChange {
        fields = Map.copyOf(fields);
        changes = List.copyOf(changes);
    }

    /** Compares the desired fields with the existing check's; fields the provider adds are left alone. */
    public static MonitorChange of(DesiredMonitor m, Provider provider, Optional<Existing> existing) {
        if (m.skipped()) {
            return new MonitorChange(m, Kind.SKIP, Map.of(), List.of(), existing.map(Existing::id));
        }
        Map<String, Object> desired = MonitorFields.of(m, provider);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            Object before = existing.map(x -> x.fields().get(e.getKey())).orElse(null);
            if (!Objects.equals(before, e.getValue())) {
                changes.add(new FieldChange(e.getKey(), before, e.getValue()));
            }
        }
        Kind kind = existing.isEmpty() ? Kind.CREATE : changes.isEmpty() ? Kind.UNCHANGED : Kind.UPDATE;
        return new MonitorChange(m, kind, desired, changes, existing.map(Existing::id));
    }

    /** The plan's lines for this job: what happens, the schedule form and why, then each changed field. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        String verb = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (kind == Kind.SKIP) {
            lines.add(verb + " " + monitor.job() + ": " + monitor.why());
            return lines;
        }
        lines.add(verb + " " + monitor.job() + ": " + schedule(monitor.schedule().orElseThrow()) + " (" + monitor.why() + "), grace "
                + monitor.graceSeconds() + "s");
        for (FieldChange c : changes) {
            lines.add(kind == Kind.CREATE
                    ? "  + " + c.field() + ": " + show(c.after())
                    : "  ~ " + c.field() + ": " + show(c.before()) + " -> " + show(c.after()));
        }
        return lines;
    }

    private static String schedule(ExpectedSchedule s) {
        if (s instanceof ExpectedSchedule.Calendar c) {
            return "calendar " + show(String.join("\n", c.expressions())) + " tz " + c.timezone();
        }
        if (s instanceof ExpectedSchedule.Cron c) {
            return "cron " + show(c.expression()) + " tz " + c.timezone();
        }
        return "period " + ((ExpectedSchedule.Period) s).seconds() + "s";
    }

    /** A value as JSON would spell it, so a changed string and number read apart and newlines show. */
    static String show(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch == '\n') {
                    sb.append("\\n");
                } else if (ch < 0x20 || ch == 0x7f) {
                    // a catalogue's text must not drive the terminal
                    sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            return sb.append('"').toString();
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            l.forEach(i -> items.add(show(i)));
            return "[" + String.join(", ", items) + "]";
        }
        return v.toString();
    }
}
