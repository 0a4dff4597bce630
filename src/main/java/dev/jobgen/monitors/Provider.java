package dev.jobgen.monitors;

/** A heartbeat service whose checks {@code jobgen monitors} manages, and what its API accepts. */
public enum Provider {
    /**
     * Healthchecks.io (API v3): the {@code schedule} field takes a cron expression or, since
     * December 2023, systemd OnCalendar expressions (one a line, zone suffixes allowed), at most
     * 100 characters; else a simple {@code timeout}.
     */
    HEALTHCHECKS("healthchecks", "https://healthchecks.io", true, 100),
    /** Cronitor: {@code schedule} takes a cron expression or an interval ("every 2 hours"). */
    CRONITOR("cronitor", "https://cronitor.io", false, 0);

    private final String id;
    private final String defaultUrl;
    private final boolean acceptsCalendar;
    private final int maxScheduleChars;

    Provider(String id, String defaultUrl, boolean acceptsCalendar, int maxScheduleChars) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.acceptsCalendar = acceptsCalendar;
        this.maxScheduleChars = maxScheduleChars;
    }

    public String id() {
        return id;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    /** Whether the job's own calendar expressions fit the provider's schedule field. */
    boolean takesCalendar(String joined) {
        return acceptsCalendar && joined.length() <= maxScheduleChars;
    }
}
