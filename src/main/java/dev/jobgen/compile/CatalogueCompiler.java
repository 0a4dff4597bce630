package dev.jobgen.compile;

import dev.jobgen.bind.CatalogueBinder;
import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import dev.jobgen.lint.ScheduleLints;
import dev.jobgen.load.CatalogueLoader;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.plan.UnitPlanner;
import dev.jobgen.render.TemplateSource;
import dev.jobgen.render.UnitRenderer;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.unitfile.RenderedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline, pure: load, bind and check every catalogue (all errors of all of them),
 * then plan and render. Catalogues are text in, files out; the CLI does the reading and writing.
 */
public final class CatalogueCompiler {
    private CatalogueCompiler() {}

    /**
     * The largest catalogue the loader takes, in bytes: callers that read catalogue files stop
     * reading there rather than hold a huge file in memory first.
     */
    public static final int MAX_CATALOGUE_BYTES = CatalogueLoader.MAX_BYTES;

    public static Compilation compile(List<CatalogueSource> sources, CompileOptions options) throws TemplateProblem {
        Diagnostics diagnostics = new Diagnostics();
        List<Catalogue> catalogues = new ArrayList<>();
        int jobCount = 0;
        for (CatalogueSource source : sources) {
            Optional<YNode> root = CatalogueLoader.load(source.name(), source.text(), diagnostics);
            jobCount += root.map(CatalogueCompiler::jobsWritten).orElse(0);
            root.flatMap(r -> CatalogueBinder.bind(source.name(), source.sourcePath(), r, options.now(), options.systemdVersion(), diagnostics))
                    .map(c -> options.runnerPath().map(c::withRunnerPath).orElse(c))
                    .ifPresent(catalogues::add);
        }
        uniqueJobNames(catalogues, diagnostics);
        lockGroupsOfOneUser(catalogues, diagnostics);
        ScheduleLints.check(catalogues, options.now(), options.herdThreshold(), diagnostics);
        // every catalogue that bound is planned, so that its plan-time errors are reported even when
        // another catalogue has errors; rendering waits until there are none
        List<UnitPlanner.Plan> plans = new ArrayList<>();
        for (Catalogue catalogue : catalogues) {
            plans.add(UnitPlanner.plan(catalogue, diagnostics));
        }
        List<Compilation.Output> outputs = new ArrayList<>();
        if (!diagnostics.hasErrors()) {
            UnitRenderer renderer = new UnitRenderer(TemplateSource.withOverrides(options.templateOverrides()));
            for (int i = 0; i < catalogues.size(); i++) {
                List<RenderedFile> files;
                try {
                    files = renderer.render(plans.get(i).units());
                } catch (UnitRenderer.TemplateProblem e) {
                    throw new TemplateProblem(e.getMessage(), e);
                }
                outputs.add(new Compilation.Output(catalogues.get(i), files, plans.get(i).timers()));
            }
        }
        return new Compilation(diagnostics.sorted(), catalogues, outputs, jobCount);
    }

    /** The entries under {@code jobs:}, valid or not. */
    private static int jobsWritten(YNode root) {
        return root instanceof YNode.Mapping top && top.get("jobs").orElse(null) instanceof YNode.Mapping jobs
                ? jobs.entries().size() : 0;
    }

    private static void uniqueJobNames(List<Catalogue> catalogues, Diagnostics diagnostics) {
        Map<String, SourcePosition> seen = new HashMap<>();
        for (Catalogue c : catalogues) {
            for (Job job : c.jobs()) {
                String unit = job.name(); // state directories are per job name, whatever the prefix
                SourcePosition first = seen.putIfAbsent(unit, job.at());
                if (first != null) {
                    diagnostics.error(DiagnosticCode.DUPLICATE_JOB, job.at(), job.name(), first.toString());
                }
            }
        }
    }

    /**
     * A lock group is private to the user its jobs run as (a User= job's locks live in a directory
     * of its own, so no other user can hold, swap or delete them): jobs of different users that
     * name one group would not exclude each other, which the catalogue must not believe they do.
     */
    private static void lockGroupsOfOneUser(List<Catalogue> catalogues, Diagnostics diagnostics) {
        Map<String, Job> first = new HashMap<>();
        for (Catalogue c : catalogues) {
            for (Job job : c.jobs()) {
                if (job.runner().lock() instanceof LockSpec.Group group) {
                    Job other = first.putIfAbsent(group.name(), job);
                    String user = job.execution().user().orElse("root");
                    if (other != null && !other.execution().user().orElse("root").equals(user)) {
                        diagnostics.error(DiagnosticCode.LOCK_GROUP_USERS, job.at("lock"), group.name(),
                                other.name() + " as " + other.execution().user().orElse("root") + ", " + job.name() + " as " + user);
                    }
                }
            }
        }
    }
}
