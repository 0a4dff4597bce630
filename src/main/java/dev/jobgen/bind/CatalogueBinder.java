package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.unitfile.SystemdEscaper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The top level of a catalogue: format version, unit prefix, target, defaults and the jobs. */
public final class CatalogueBinder {
    static final Set<String> KEYS = CatalogueKeys.CATALOGUE.names();
    private static final Set<String> TARGET_KEYS = CatalogueKeys.TARGET.names();
    private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9_.-]*");

    private CatalogueBinder() {}

    /**
     * Binds one loaded catalogue; empty when it has errors (all of them reported). {@code name} is
     * the catalogue as the user named it, {@code sourcePath} where it will be on the node (empty
     * when it will not be there); {@code now} is the instant schedules must still elapse after.
     */
    public static Optional<Catalogue> bind(String name, Optional<String> sourcePath, YNode root, Instant now, Diagnostics diagnostics) {
        return bind(name, sourcePath, root, now, Optional.empty(), diagnostics);
    }

    /**
     * Binds with {@code targetOverride} (the CLI's {@code --systemd-version}) in place of the
     * catalogue's target: the checks of what the target lacks must see the version the units are
     * rendered for, not the one written in the file.
     */
    public static Optional<Catalogue> bind(String name, Optional<String> sourcePath, YNode root, Instant now,
            Optional<SystemdVersion> targetOverride, Diagnostics diagnostics) {
        Optional<YNode.Mapping> top = Fields.asMap(root, "the catalogue", diagnostics);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Diagnostics local = new Diagnostics();
        Fields f = Fields.of(top.get(), "the catalogue", KEYS, local);
        checkFormat(f);
        String prefix = f.string("unit-prefix").orElse(Catalogue.DEFAULT_PREFIX);
        if (!PREFIX.matcher(prefix).matches()) {
            local.error(DiagnosticCode.INVALID_UNIT_PREFIX, f.valueAt("unit-prefix"), prefix,
                    "use letters, digits, '_', '.' and '-' only");
        }
        SystemdVersion written = f.map("target").map(t -> target(t, local)).orElse(SystemdVersion.DEFAULT);
        SystemdVersion target = targetOverride.orElse(written);
        String runner = f.string("runner-path").orElse(Catalogue.DEFAULT_RUNNER);
        if (!runner.startsWith("/")) {
            local.error(DiagnosticCode.RELATIVE_PATH, f.valueAt("runner-path"), "runner-path", runner);
        } else {
            // the runner is the program of ExecStart=, so the program rules apply
            SystemdEscaper.programProblem(runner).ifPresent(p ->
                    local.error(DiagnosticCode.UNREPRESENTABLE_VALUE, f.valueAt("runner-path"), "runner-path", p));
        }
        YNode.Mapping defaults = f.map("defaults").orElse(new YNode.Mapping(f.at(), List.of()));
        Set<String> misspeltInDefaults = Fields.of(defaults, "defaults", JobBinder.KEYS, local).misspelt();
        Set<DiagnosticCode> silencedEverywhere = IgnoredWarnings.read(f);
        List<Job> jobs = new ArrayList<>();
        Map<String, Set<DiagnosticCode>> silenced = new HashMap<>();
        Optional<YNode.Mapping> jobsMap = f.map("jobs");
        if (jobsMap.isEmpty() && !f.has("jobs") && !f.misspelt("jobs") && !silencedEverywhere.contains(DiagnosticCode.NO_JOBS)) {
            local.warning(DiagnosticCode.NO_JOBS, f.at());
        }
        JobBinder.Shared shared = new JobBinder.Shared(prefix, target, now, misspeltInDefaults, silencedEverywhere);
        // jobs bind independently, so on every core at once; results and diagnostics keep catalogue order
        List<BoundJob> bound = jobsMap.map(YNode.Mapping::entries).orElse(List.of()).parallelStream()
                .map(entry -> BoundJob.of(entry, defaults, shared))
                .toList();
        for (BoundJob b : bound) {
            local.addAll(b.diagnostics());
            b.job().ifPresent(j -> {
                jobs.add(j);
                silenced.put(j.name(), b.silenced());
            });
        }
        diagnostics.addAll(local);
        if (local.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Catalogue(name, sourcePath, prefix, target, runner, jobs, silenced));
    }

    private static void checkFormat(Fields f) {
        if (!f.has("jobgen")) {
            if (f.misspelt("jobgen")) {
                return;
            }
            f.diagnostics().errorWithHint(DiagnosticCode.MISSING_KEY, f.at(), "start the catalogue with 'jobgen: 1'", "jobgen", "");
            return;
        }
        f.scalar("jobgen").filter(s -> !s.text().equals("1")).ifPresent(s ->
                f.diagnostics().error(DiagnosticCode.UNSUPPORTED_FORMAT, s.at(), s.text()));
    }

    /** One job bound on its own, with the diagnostics it produced and the warnings it silences. */
    private record BoundJob(Optional<Job> job, Diagnostics diagnostics, Set<DiagnosticCode> silenced) {
        static BoundJob of(YNode.Entry entry, YNode.Mapping defaults, JobBinder.Shared shared) {
            Diagnostics d = new Diagnostics();
            JobBinder binder = new JobBinder(entry.key(), entry.keyAt(), shared, d);
            Optional<Job> job = Fields.asMap(entry.value(), entry.key(), d)
                    .map(j -> Defaults.merge(defaults, j, JobBinder.KEYS))
                    .flatMap(binder::bind);
            return new BoundJob(job, d, binder.silenced());
        }
    }

    static SystemdVersion target(YNode.Mapping map, Diagnostics diagnostics) {
        Fields t = Fields.of(map, "target", TARGET_KEYS, diagnostics);
        if (t.has("systemd") && t.has("distro")) {
            diagnostics.error(DiagnosticCode.INVALID_TARGET, t.keyAt("distro"), "give either 'systemd' or 'distro', not both");
            return SystemdVersion.DEFAULT;
        }
        if (t.has("distro")) {
            String distro = t.string("distro").orElse("");
            Optional<SystemdVersion> v = SystemdVersion.forDistro(distro);
            if (v.isEmpty()) {
                diagnostics.errorWithHint(DiagnosticCode.INVALID_TARGET, t.valueAt("distro"),
                        "known distros: " + String.join(", ", SystemdVersion.distros()), "unknown distro '" + distro + "'");
            }
            return v.orElse(SystemdVersion.DEFAULT);
        }
        return t.integer("systemd", SystemdVersion.OLDEST_SUPPORTED, SystemdVersion.NEWEST_ACCEPTED).map(SystemdVersion::of).orElse(SystemdVersion.DEFAULT);
    }
}
