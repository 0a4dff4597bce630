package dev.jobgen.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fake systemd that records the actions it is asked to run and keeps enabled/active state, so a
 * second install sees the effect of the first. It also notes whether each unit's file existed at
 * the moment an action named it.
 */
final class RecordingSystemctl implements Systemctl {
    final List<String> ran = new ArrayList<>();
    final List<String> missingFileAt = new ArrayList<>();
    final Set<String> enabled = new HashSet<>();
    final Set<String> active = new HashSet<>();
    private final int version;
    private final Path unitDir;

    RecordingSystemctl(int version, Path unitDir) {
        this.version = version;
        this.unitDir = unitDir;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public boolean isEnabled(String unit) {
        return enabled.contains(unit);
    }

    @Override
    public boolean isActive(String unit) {
        return active.contains(unit);
    }

    @Override
    public void run(SystemdAction action) {
        ran.add(action.toString());
        List<String> args = action.args();
        String unit = args.get(args.size() - 1);
        if (!args.get(0).equals("daemon-reload") && !Files.exists(unitDir.resolve(unit))) {
            missingFileAt.add(action.toString());
        }
        boolean now = args.contains("--now");
        switch (args.get(0)) {
            case "enable" -> {
                enabled.add(unit);
                if (now) {
                    active.add(unit);
                }
            }
            case "start" -> active.add(unit);
            case "disable" -> {
                enabled.remove(unit);
                if (now) {
                    active.remove(unit);
                }
            }
            default -> { }
        }
    }
}
