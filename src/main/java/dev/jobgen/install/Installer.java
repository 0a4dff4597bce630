package dev.jobgen.install;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Installs a catalogue's rendered units under a root, idempotently and crash-safely. Order of
 * the steps, each of which leaves a state the next install repairs:
 * <ol>
 *   <li>take the root's lock, then read the disk and plan (nothing is changed on a conflict);
 *   <li>delete temp files a crashed install left;
 *   <li>stop, disable and clean timers that are going away (they need their files for that);
 *   <li>write the <em>intent</em> manifest: the old and the new units, so every file this owner
 *       is about to write is already its own if the process dies next;
 *   <li>write changed units (every temp file first, made durable together, then each renamed over
 *       its unit) and delete removed ones, then fsync the unit directory;
 *   <li>write the final manifest (deleted when the owner has no units left);
 *   <li>daemon-reload and bring each timer to its catalogue state.
 * </ol>
 */
public final class Installer {
    /** How long an install waits for another install on the same root. */
    public static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);
    private final FileOps ops;
    private final Optional<Systemctl> systemctl;

    /** @param systemctl the running systemd to act on, or empty (not {@code /}, no systemd, {@code --no-systemctl}) */
    public Installer(FileOps ops, Optional<Systemctl> systemctl) {
        this.ops = ops;
        this.systemctl = systemctl;
    }

    /** Reports what {@link #apply} would do, changing nothing. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public InstallReport check(InstallRequest req) throws IOException {
        InstallLayout layout = new InstallLayout(req.root());
        refuseLinkedStateDirectory(layout);
        try (InstallLock lock = InstallLock.sharedIfPresent(layout.lockFile(), LOCK_PATIENCE)) {
            return planOrRefuse(req).report();
        }
    }

    /** Installs; throws {@link InstallConflictException} (having changed nothing) when a unit is not its own. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public InstallReport apply(InstallRequest req) throws IOException {
        InstallLayout layout = new InstallLayout(req.root());
        refuseLinkedStateDirectory(layout);
        if (!ops.exists(layout.manifestDir())) {
            ops.createDirectories(layout.manifestDir());
        }
        try (InstallLock lock = InstallLock.exclusive(layout.lockFile(), LOCK_PATIENCE)) {
            InstallPlan plan = planOrRefuse(req);
            execute(plan);
            return plan.report();
        }
    }

    // The lock, the manifests and the temp files all live in this directory: through a link they
    // would be read, written and deleted wherever it points.
    private void refuseLinkedStateDirectory(InstallLayout layout) throws IOException {
        if (ops.isSymlink(layout.manifestDir())) {
            throw new IOException(layout.manifestDir() + ": is a symbolic link; jobgen keeps its install state only in a real directory");
        }
    }

    private InstallPlan planOrRefuse(InstallRequest req) throws IOException {
        InstallPlan plan = new InstallPlanner(ops, systemctl).plan(req);
        if (!plan.conflicts().isEmpty()) {
            throw new InstallConflictException(plan.layout(), plan.conflicts());
        }
        return plan;
    }

    private void execute(InstallPlan plan) throws IOException {
        AtomicWriter writer = new AtomicWriter(ops);
        InstallLayout layout = plan.layout();
        for (Path stale : plan.staleTemps()) {
            ops.delete(stale);
        }
        for (SystemdAction a : plan.beforeRemoval()) {
            systemctl.orElseThrow().run(a);
        }
        writeManifests(writer, plan.manifestsFirst());
        if (plan.changesFiles()) {
            if (!ops.exists(layout.unitDir())) {
                ops.createDirectories(layout.unitDir());
            }
            Map<Path, byte[]> writes = new LinkedHashMap<>();
            for (FileChange w : plan.writes()) {
                writes.put(layout.unitDir().resolve(w.unit()), w.after().orElseThrow());
            }
            writer.stageAll(writes);
            for (FileChange r : plan.removals()) {
                ops.delete(layout.unitDir().resolve(r.unit()));
            }
            writer.commit(layout.unitDir());
        }
        writeManifests(writer, plan.manifestsLast());
        for (SystemdAction a : plan.afterWrite()) {
            systemctl.orElseThrow().run(a);
        }
    }

    private void writeManifests(AtomicWriter writer, Map<Path, Manifest> manifests) throws IOException {
        if (manifests.isEmpty()) {
            return;
        }
        for (Map.Entry<Path, Manifest> m : manifests.entrySet()) {
            if (m.getValue().units().isEmpty()) {
                ops.delete(m.getKey());
            } else {
                writer.stage(m.getKey(), m.getValue().bytes());
            }
        }
        writer.commit(manifests.keySet().iterator().next().getParent());
    }
}
