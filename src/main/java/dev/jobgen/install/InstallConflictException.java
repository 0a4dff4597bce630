package dev.jobgen.install;

import java.util.List;
import java.util.stream.Collectors;

/** Install stopped before changing anything because units it would write are not its own. */
public final class InstallConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Conflict> conflicts;

    public InstallConflictException(InstallLayout layout, List<Conflict> conflicts) {
        super(conflicts.stream().map(c -> c.message(layout)).collect(Collectors.joining("\n"))
                + "\n(use --adopt to take " + (conflicts.size() == 1 ? "it" : "them") + " over)");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
