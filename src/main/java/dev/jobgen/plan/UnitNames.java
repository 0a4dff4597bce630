package dev.jobgen.plan;

/** Unit names derive from the prefix and the job name only, never from order or position. */
public final class UnitNames {
    private UnitNames() {}

    public static String service(String prefix, String job) {
        return prefix + job + ".service";
    }

    public static String timer(String prefix, String job) {
        return prefix + job + ".timer";
    }

    public static String notifyTemplate(String prefix) {
        return prefix + "notify@.service";
    }

    /** The state directory the runner uses, relative to /var/lib (as {@code StateDirectory=} takes it). */
    public static String stateDirectory(String job) {
        return "jobgen/" + job;
    }
}
