package dev.jobgen.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;

/**
 * A fake systemd that records the actions it is asked to run and keeps enabled/active state, so a
 * second install sees the effect of the first. It also notes whether each unit's file existed at
 * the moment an action named it, and models what is loaded: daemon-reload takes a copy of the
 * unit directory, and a loaded unit whose file differs from that copy needs a reload.
 */
final class RecordingSystemctl implements Systemctl {
    final List<String> ran = new ArrayList<>();
    final List<String> missingFileAt = new ArrayList<>();
    final Set<String> enabled = new HashSet<>();
    final Set<String> active = new HashSet<>();
    final Map<String, byte[]> loaded = new HashMap<>();
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
    public boolean needsReload(List<String> units) {
        return units.stream().anyMatch(u -> loaded.containsKey(u) && !Arrays.equals(loaded.get(u), disk(u).orElse(null)));
    }

    private Optional<byte[]> disk(String unit) {
        try {
            return new NioFileOps().readRegular(unitDir.resolve(unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reload() {
        loaded.clear();
        try (var files = Files.list(unitDir)) {
            files.forEach(p -> disk(p.getFileName().toString()).ifPresent(b -> loaded.put(p.getFileName().toString(), b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            case "daemon-reload" -> reload();
            default -> { }
        }
    }
}
