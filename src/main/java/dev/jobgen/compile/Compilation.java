package dev.jobgen.compile;

import dev.jobgen.diag.Diagnostic;
import dev.jobgen.model.Catalogue;
import dev.jobgen.plan.UnitPlanner;
import dev.jobgen.unitfile.RenderedFile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of compiling catalogues: every diagnostic, and when there are no errors the bound
 * catalogues, the rendered files (sorted by name, per catalogue) and the timer states.
 *
 * @param jobCount the jobs the catalogues define, counted before binding: a summary of a catalogue
 *     with errors (which binds to nothing) still says how many jobs were checked
 */
public record Compilation(List<Diagnostic> diagnostics, List<Catalogue> catalogues, List<Output> outputs, int jobCount) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        catalogues = List.copyOf(catalogues);
        outputs = List.copyOf(outputs);
    }

    /** A compilation that defines exactly the jobs of its bound catalogues. */
    public Compilation(List<Diagnostic> diagnostics, List<Catalogue> catalogues, List<Output> outputs) {
        this(diagnostics, catalogues, outputs, catalogues.stream().mapToInt(c -> c.jobs().size()).sum());
    }

    /** What one catalogue produced. */
    public record Output(Catalogue catalogue, List<RenderedFile> files, List<UnitPlanner.TimerState> timers) {
        public Output {
            files = List.copyOf(files);
            timers = List.copyOf(timers);
        }

        /** The timer units that are to be enabled (the jobs not written {@code enabled: false}). */
        public Set<String> enabledTimers() {
            Set<String> enabled = new TreeSet<>();
            for (UnitPlanner.TimerState t : timers) {
                if (t.enabled()) {
                    enabled.add(t.unit());
                }
            }
            return enabled;
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> !d.isError());
    }

    /** Every rendered file of every catalogue, sorted by name. */
    public List<RenderedFile> files() {
        return outputs.stream().flatMap(o -> o.files().stream())
                .sorted(java.util.Comparator.comparing(RenderedFile::name)).toList();
    }
}
