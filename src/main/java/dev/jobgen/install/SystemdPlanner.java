package dev.jobgen.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides the systemctl actions of an install from the running systemd's state, so that they
 * converge: a second install on an unchanged node has none. Only timers are ever started or
 * stopped; a job's service is never restarted or stopped, so a running job finishes undisturbed
 * (a rewritten service file takes effect at its next start, after the daemon-reload).
 *
 * <p>Removed timers are stopped and disabled <em>before</em> their files go, because
 * {@code systemctl disable} reads the unit file's {@code [Install]} section. Their
 * {@code Persistent=} stamp is cleaned with {@code systemctl clean --what=state} where systemd
 * supports that for timers (243+) and the timer is persistent (systemd refuses to clean a timer
 * that has no state).
 */
final class SystemdPlanner {
    static final int CLEAN_TIMER_STATE_SINCE = 243;
    private static final Pattern PERSISTENT = Pattern.compile("(?m)^\\s*Persistent\\s*=\\s*(yes|true|on|1)\\s*$");
    private final Systemctl systemctl;

    SystemdPlanner(Systemctl systemctl) {
        this.systemctl = systemctl;
    }

    /** Actions before removing files: stop, disable and clean each removed timer (content as on disk). */
    List<SystemdAction> beforeRemoval(Map<String, byte[]> removedTimers) throws IOException {
        List<SystemdAction> actions = new ArrayList<>();
        int version = removedTimers.isEmpty() ? 0 : systemctl.version();
        for (Map.Entry<String, byte[]> t : removedTimers.entrySet()) {
            String unit = t.getKey();
            if (systemctl.isEnabled(unit) || systemctl.isActive(unit)) {
                actions.add(SystemdAction.of("disable", "--now", unit));
            }
            boolean persistent = PERSISTENT.matcher(new String(t.getValue(), StandardCharsets.UTF_8)).find();
            if (persistent && version >= CLEAN_TIMER_STATE_SINCE) {
                actions.add(SystemdAction.of("clean", "--what=state", unit));
            }
        }
        return actions;
    }

    /**
     * Actions after the files are in place: one daemon-reload when any unit file changed or
     * systemd still has an old copy of one of {@code owned} loaded, then each timer brought to
     * its catalogue state (true: enabled and running, false: suspended).
     */
    List<SystemdAction> afterWrite(boolean filesChanged, List<String> owned, Map<String, Boolean> timers)
            throws IOException {
        List<SystemdAction> actions = new ArrayList<>();
        if (filesChanged || systemctl.needsReload(owned)) {
            actions.add(SystemdAction.of("daemon-reload"));
        }
        for (Map.Entry<String, Boolean> t : timers.entrySet()) {
            String unit = t.getKey();
            boolean enabled = systemctl.isEnabled(unit);
            boolean active = systemctl.isActive(unit);
            if (t.getValue()) {
                if (!enabled && !active) {
                    actions.add(SystemdAction.of("enable", "--now", unit));
                } else if (!enabled) {
                    actions.add(SystemdAction.of("enable", unit));
                } else if (!active) {
                    actions.add(SystemdAction.of("start", unit));
                }
            } else if (enabled || active) {
                actions.add(SystemdAction.of("disable", "--now", unit));
            }
        }
        return actions;
    }
}
