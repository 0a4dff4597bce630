package dev.jobgen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.compile.GoldenTest;
import dev.jobgen.diag.Diagnostic;
import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.runspec.RunArgs;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.runspec.UnitKeys;
import dev.jobgen.testing.Fixtures;
import dev.jobgen.unitfile.RenderedFile;
import dev.jobgen.unitfile.SystemdWords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiler and the runner agree, for every job of every golden case and example: the
 * {@code jobgen run} line the planner renders reads back, with the runner's own reader, as exactly
 * the spec it was written from, and the {@code X-Jobgen*} keys read back as {@code notify} gets them.
 */
class RunnerContractTest {
    @Test
    void everyRunSpecReadsBackFromItsRenderedLine() throws Exception {
        int specs = 0;
        int keys = 0;
        int lean = 0;
        for (GoldenTest.Case c : GoldenTest.cases()) {
            Compilation compilation = Fixtures.compile(c.options(), c.catalogue());
            assertFalse(compilation.hasErrors(), c.name() + ": " + compilation.diagnostics());
            for (Compilation.Output out : compilation.outputs()) {
                Catalogue catalogue = out.catalogue();
                for (Job job : catalogue.jobs()) {
                    String where = c.name() + ": job " + job.name();
                    String unit = serviceText(out.files(), UnitNames.service(catalogue.unitPrefix(), job.name()));
                    if (job.usesRunner()) {
                        RunSpec spec = RunnerFlags.spec(job, catalogue.target());
                        List<String> argv = RunArgs.write(catalogue.runnerPath(), spec);
                        assertEquals(List.of(catalogue.runnerPath(), "run"), argv.subList(0, 2), where);
                        assertEquals(spec, RunArgs.read(argv.subList(2, argv.size())), where + ": read(write(spec))");
                        if (LeanUnit.eligible(job, catalogue.target())) {
                            // a lean run: the same argv, told its phase, as ExecCondition= and ExecStopPost=
                            for (String[] phase : new String[][] {{"ExecCondition", "start"}, {"ExecStopPost", "end"}}) {
                                List<String> phased = new ArrayList<>(argv);
                                phased.addAll(2, List.of("--phase", phase[1]));
                                assertEquals(phased, SystemdWords.commandLine(directive(unit, phase[0], catalogue.runnerPath())),
                                        where + ": the rendered " + phase[0] + "= is that argv in phase " + phase[1]);
                            }
                            lean++;
                        } else {
                            assertEquals(argv, SystemdWords.commandLine(execStart(unit)), where + ": the rendered ExecStart= is that argv");
                        }
                        specs++;
                    }
                    if (job.alerts().onFailure().isPresent()) {
                        assertEquals(ServicePlanner.unitKeys(job, job.alerts().onFailure().get()), UnitKeys.parse(unit), where + ": X-Jobgen keys");
                        keys++;
                    }
                }
            }
        }
        assertTrue(specs >= 8, "only " + specs + " runner jobs in the golden cases");
        assertTrue(lean >= 1, "no lean job in the golden cases");
        assertTrue(keys >= 1, "only " + keys + " jobs with on-failure in the golden cases");
    }

    @Test
    void aLogTailTheRunnerWouldRefuseIsACompileErrorAtItsLine() throws Exception {
        String yaml = "jobgen: 1\njobs:\n  j:\n    command: [/bin/true]\n    schedule: daily\n    heartbeat:\n"
                + "      provider: healthchecks\n      url: https://hc-ping.com/x\n      log-tail: 200MiB\n";
        Compilation c = CatalogueCompiler.compile(List.of(new CatalogueSource("c.yaml", "/etc/jobgen/c.yaml", yaml)),
                CompileOptions.defaults(Fixtures.NOW));
        List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(DiagnosticCode.INVALID_SIZE, errors.get(0).code());
        assertEquals(9, errors.get(0).at().line(), errors.toString());
        assertTrue(errors.get(0).message().contains("at most 100MiB"), errors.get(0).message());
    }

    private static String serviceText(List<RenderedFile> files, String name) {
        Map<String, byte[]> byName = Fixtures.bytesByName(files);
        byte[] bytes = byName.get(name);
        assertTrue(bytes != null, name + " not rendered");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The value of the {@code name=} line that runs {@code runner} (a lean unit has a root ExecCondition= too). */
    private static String directive(String unit, String name, String runner) {
        String line = unit.lines().filter(l -> l.startsWith(name + "=" + runner + " ")).findFirst().orElseThrow();
        return line.substring(name.length() + 1);
    }

    private static String execStart(String unit) {
        String line = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        return line.substring("ExecStart=".length());
    }
}
