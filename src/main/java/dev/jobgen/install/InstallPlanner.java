package dev.jobgen.install;

import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the disk and decides, without changing anything, what an install must do. Ownership
 * rules: a unit may be written when this owner owns it, or when nothing is there and no other
 * owner claims it. A template unit ({@code name@.service}) that another owner has is shared:
 * it belongs to no single catalogue, every owner whose units refer to it lists it (a reference
 * count), any of them may (re)write it, and it is deleted only when the last one drops it. This
 * is how several catalogues share {@code jobgen-notify@.service}; its bytes name no catalogue,
 * so owners on the same jobgen agree on them. Adopting never takes a shared template away
 * from the owners that list it. Job units are never shared: each
 * names its catalogue in {@code SourcePath=}, so two owners with the same job unit are a mistake
 * (the same catalogue under two owner names). Anything else is a {@link Conflict}, unless adopting.
 * Symlinks (masked or linked units) are never ours.
 */
final class InstallPlanner {
    private final FileOps ops;
    private final Optional<Systemctl> systemctl;

    InstallPlanner(FileOps ops, Optional<Systemctl> systemctl) {
        this.ops = ops;
        this.systemctl = systemctl;
    }

    /** The decisions so far, filled in step by step. */
    private static final class Draft {
        final List<FileChange> writes = new ArrayList<>();
        final List<FileChange> removals = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final Set<String> adopted = new TreeSet<>();
        final Map<Path, Manifest> first = new LinkedHashMap<>();
        final Map<Path, Manifest> last = new LinkedHashMap<>();
        List<SystemdAction> before = List.of();
        List<SystemdAction> after = List.of();
    }

    InstallPlan plan(InstallRequest req) throws IOException {
        InstallLayout layout = new InstallLayout(req.root());
        Map<String, Manifest> others = readManifests(layout);
        Manifest removedOurs = others.remove(req.owner());
        Manifest ours = removedOurs == null ? Manifest.empty(req.owner()) : removedOurs;

        Draft d = new Draft();
        List<RenderedFile> files = new ArrayList<>(req.files());
        files.sort(Comparator.comparing(RenderedFile::name));
        for (RenderedFile f : files) {
            planFile(layout, req, ours, others, f, d);
        }
        Set<String> wanted = files.stream().map(RenderedFile::name).collect(Collectors.toCollection(TreeSet::new));
        for (String unit : ours.units()) {
            Path p = layout.unitDir().resolve(unit);
            if (!wanted.contains(unit) && claimants(others, unit).isEmpty() && !ops.isSymlink(p)) {
                ops.readRegular(p).ifPresent(old -> d.removals.add(new FileChange(unit, Optional.of(old), Optional.empty())));
            }
        }
        planManifests(layout, ours, others, wanted, d);
        if (systemctl.isPresent()) {
            Set<String> owned = new TreeSet<>(ours.units());
            owned.addAll(wanted);
            planSystemd(systemctl.get(), req, wanted, List.copyOf(owned), d);
        }
        return new InstallPlan(layout, staleTemps(layout), d.writes, d.removals, d.unchanged, d.first, d.last, d.before,
                d.after, d.conflicts);
    }

    // First the intent (old and new units; others minus what is adopted), last the final set.
    private void planManifests(InstallLayout layout, Manifest ours, Map<String, Manifest> others, Set<String> wanted,
            Draft d) throws IOException {
        Set<String> intent = new TreeSet<>(ours.units());
        intent.addAll(wanted);
        Path ownPath = layout.manifest(ours.owner());
        byte[] ownNow = current(ownPath);
        putIfDifferent(d.first, ownPath, ownNow, new Manifest(ours.owner(), intent));
        for (Manifest other : others.values()) {
            Set<String> kept = new TreeSet<>(other.units());
            if (kept.removeAll(d.adopted)) {
                Path p = layout.manifest(other.owner());
                putIfDifferent(d.first, p, current(p), new Manifest(other.owner(), kept));
            }
        }
        byte[] afterFirst = d.first.containsKey(ownPath) ? d.first.get(ownPath).bytes() : ownNow;
        putIfDifferent(d.last, ownPath, afterFirst, new Manifest(ours.owner(), wanted));
    }

    private static void planSystemd(Systemctl systemctl, InstallRequest req, Set<String> wanted, List<String> owned,
            Draft d) throws IOException {
        SystemdPlanner sp = new SystemdPlanner(systemctl);
        Map<String, byte[]> removedTimers = new TreeMap<>();
        d.removals.stream().filter(r -> r.unit().endsWith(".timer"))
                .forEach(r -> removedTimers.put(r.unit(), r.before().orElseThrow()));
        d.before = sp.beforeRemoval(removedTimers);
        Map<String, Boolean> timers = new TreeMap<>();
        wanted.stream().filter(u -> u.endsWith(".timer")).forEach(u -> timers.put(u, req.enabledTimers().contains(u)));
        d.after = sp.afterWrite(!d.writes.isEmpty() || !d.removals.isEmpty(), owned, timers);
    }

    private void planFile(InstallLayout layout, InstallRequest req, Manifest ours, Map<String, Manifest> others,
            RenderedFile f, Draft d) throws IOException {
        Path p = layout.unitDir().resolve(f.name());
        List<String> claimants = claimants(others, f.name());
        boolean shareable = f.name().contains("@.");
        Optional<byte[]> current = ops.readRegular(p);
        boolean present = current.isPresent() || ops.exists(p); // a file just read exists: no second stat per unit
        boolean same = current.isPresent() && Arrays.equals(current.get(), f.content());
        String problem = null;
        if (present && current.isEmpty()) {
            problem = ops.isSymlink(p) ? "it is a symlink (a masked or linked unit), not a file jobgen wrote"
                    : "it is not a regular file";
        } else if (same && !ours.owns(f.name()) && claimants.isEmpty()) {
            problem = "it exists (with identical content) but was not installed by catalogue '" + req.owner() + "'";
        } else if (!ours.owns(f.name()) && !(shareable && !claimants.isEmpty()) && (present || !claimants.isEmpty())) {
            problem = claimants.isEmpty() ? "it was not installed by catalogue '" + req.owner() + "'"
                    : "it is owned by catalogue " + claimants.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "));
        }
        if (problem != null) {
            if (!req.adopt()) {
                d.conflicts.add(new Conflict(f.name(), problem));
            }
            d.adopted.add(f.name());
        }
        if (same) {
            d.unchanged.add(f.name());
        } else {
            d.writes.add(new FileChange(f.name(), current, Optional.of(f.content())));
        }
    }

    private static List<String> claimants(Map<String, Manifest> others, String unit) {
        return others.values().stream().filter(m -> m.owns(unit)).map(Manifest::owner).sorted().toList();
    }

    private byte[] current(Path manifest) throws IOException {
        return ops.readRegular(manifest).orElse(null);
    }

    // An empty manifest is stored as no file at all.
    private static void putIfDifferent(Map<Path, Manifest> into, Path path, byte[] now, Manifest m) {
        boolean same = now == null ? m.units().isEmpty() : Arrays.equals(now, m.bytes()) && !m.units().isEmpty();
        if (!same) {
            into.put(path, m);
        }
    }

    private Map<String, Manifest> readManifests(InstallLayout layout) throws IOException {
        Map<String, Manifest> all = new TreeMap<>();
        for (String name : ops.list(layout.manifestDir())) {
            if (name.endsWith(InstallLayout.MANIFEST_SUFFIX) && !name.startsWith(".")) {
                String owner = name.substring(0, name.length() - InstallLayout.MANIFEST_SUFFIX.length());
                Path path = layout.manifestDir().resolve(name);
                Optional<byte[]> bytes = ops.readRegular(path);
                try {
                    bytes.ifPresent(b -> all.put(owner, Manifest.parse(owner, b)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(path + ": " + e.getMessage() + "; jobgen wrote no such line, so it changes nothing"
                            + " until the manifest is repaired (check what that owner installed, then fix or delete the file)");
                }
            }
        }
        return all;
    }

    private List<Path> staleTemps(InstallLayout layout) throws IOException {
        List<Path> stale = new ArrayList<>();
        for (Path dir : List.of(layout.unitDir(), layout.manifestDir())) {
            ops.list(dir).stream().filter(InstallLayout::isTemp).forEach(n -> stale.add(dir.resolve(n)));
        }
        return stale;
    }
}
