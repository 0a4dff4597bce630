package dev.jobgen.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one install will do, computed from the disk before any change. Manifests are
 * written twice: first the <em>intent</em> (old and new units together, so a crash never leaves
 * a file this owner wrote but does not own), last the final set.
 *
 * @param manifestsFirst manifests to write before any unit (ours as intent; others' that lose adopted units)
 * @param manifestsLast manifests to write after all units; an empty manifest is deleted
 */
record InstallPlan(
        InstallLayout layout,
        List<Path> staleTemps,
        List<FileChange> writes,
        List<FileChange> removals,
        List<String> unchanged,
        Map<Path, Manifest> manifestsFirst,
        Map<Path, Manifest> manifestsLast,
        List<SystemdAction> beforeRemoval,
        List<SystemdAction> afterWrite,
        List<Conflict> conflicts) {

    boolean changesFiles() {
        return !writes.isEmpty() || !removals.isEmpty();
    }

    InstallReport report() {
        List<SystemdAction> actions = new ArrayList<>(beforeRemoval);
        actions.addAll(afterWrite);
        List<FileChange> changes = new ArrayList<>(writes);
        changes.addAll(removals);
        changes.sort(java.util.Comparator.comparing(FileChange::unit));
        boolean changed = changesFiles() || !staleTemps.isEmpty() || !manifestsFirst.isEmpty()
                || !manifestsLast.isEmpty() || !actions.isEmpty();
        return new InstallReport(changed, names(writes), names(removals), unchanged, actions, changes);
    }

    private static List<String> names(List<FileChange> changes) {
        return changes.stream().map(FileChange::unit).toList();
    }
}
