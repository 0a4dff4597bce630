package dev.jobgen.install;

import java.util.List;

/**
 * What an install changed, or with {@code --check} would change: unit names written (created or
 * replaced), removed and left unchanged, and the systemctl actions. {@code changed} is also true
 * when only bookkeeping changed (a manifest, a temp file left by a crash).
 */
public record InstallReport(boolean changed, List<String> written, List<String> removed, List<String> unchanged,
        List<SystemdAction> actions, List<FileChange> changes) {
    public InstallReport {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
        actions = List.copyOf(actions);
        changes = List.copyOf(changes);
    }
}
