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
        return notifyInstance(prefix, "");
    }

    /** An instance of the notify template; {@code %n} lets systemd fill in the failed unit's name. */
    public static String notifyInstance(String prefix, String instance) {
        return prefix + "notify@" + instance + ".service";
    }

    /** The state directory the runner uses, relative to /var/lib (as {@code StateDirectory=} takes it). */
    public static String stateDirectory(String job) {
        return "jobgen/" + job;
    }
}
