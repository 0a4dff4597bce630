package dev.jobgen.monitors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A desired monitor as the provider's API fields (values are String, Long or List of String, the
 * shapes its JSON uses), so the diff and the HTTP edge share one spelling of every field.
 */
public final class MonitorFields {
    static final String TAG = "jobgen";

    private MonitorFields() {}

    public static Map<String, Object> of(DesiredMonitor m, Provider provider) {
        ExpectedSchedule schedule = m.schedule().orElseThrow(() -> new IllegalArgumentException(m.job() + " has no check"));
        Map<String, Object> f = new LinkedHashMap<>();
        switch (provider) {
            case HEALTHCHECKS -> {
                f.put("name", m.job());
                // slugs take a-z, 0-9, '-' and '_'; job names also take '.'
                f.put("slug", m.job().replace('.', '-'));
                f.put("tags", TAG);
                f.put("desc", m.description());
                f.put("grace", m.graceSeconds());
                if (schedule instanceof ExpectedSchedule.Calendar c) {
                    f.put("schedule", String.join("\n", c.expressions()));
                    f.put("tz", c.timezone());
                } else if (schedule instanceof ExpectedSchedule.Cron c) {
                    f.put("schedule", c.expression());
                    f.put("tz", c.timezone());
                } else if (schedule instanceof ExpectedSchedule.Period p) {
                    f.put("timeout", p.seconds());
                }
            }
            case CRONITOR -> {
                f.put("key", m.job());
                f.put("name", m.job());
                f.put("type", "job");
                f.put("note", m.description());
                f.put("tags", List.of(TAG));
                if (schedule instanceof ExpectedSchedule.Cron c) {
                    f.put("schedule", c.expression());
                    f.put("timezone", c.timezone());
                } else if (schedule instanceof ExpectedSchedule.Period p) {
                    f.put("schedule", interval(p.seconds()));
                } else {
                    throw new IllegalArgumentException("cronitor takes no calendar expressions");
                }
                f.put("schedule_tolerance", 0L);
                f.put("grace_seconds", m.graceSeconds());
            }
        }
        return f;
    }

    /** Cronitor's interval form, in the largest unit that divides the period exactly. */
    static String interval(long seconds) {
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"days", "hours", "minutes", "seconds"};
        for (int i = 0; i < units.length; i++) {
            if (seconds % units[i] == 0) {
                return "every " + seconds / units[i] + " " + names[i];
            }
        }
        throw new AssertionError();
    }
}
