package dev.jobgen.install;

import java.util.List;

/** One {@code systemctl} invocation install makes, as data: reported in {@code actions}, then run. */
public record SystemdAction(List<String> args) {
    public SystemdAction {
        args = List.copyOf(args);
    }

    static SystemdAction of(String... args) {
        return new SystemdAction(List.of(args));
    }

    /** As reported and as a shell would run it: {@code systemctl enable --now jobgen-backup.timer}. */
    @Override
    public String toString() {
        return "systemctl " + String.join(" ", args);
    }
}
