package dev.jobgen.migrate;

import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.compile.TemplateProblem;
import dev.jobgen.diag.Diagnostic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last line of defence behind the importer's own checks: the catalogue it would write goes
 * through the compiler as {@code jobgen validate} takes it, and each error is traced back to the
 * crontab line of the job it is in. Whatever the importer missed is then a {@code FILE:LINE:
 * error} like any bad line, never a written catalogue that does not validate. Pure.
 */
public final class ImportValidation {
    /** Each pass drops at least one job, so this only bounds a catalogue whose errors are not any job's. */
    private static final int MAX_PASSES = 5;

    private ImportValidation() {}

    /**
     * The catalogue text; the jobs it holds with every message (the import's own and one error per
     * job the compiler rejected, sorted by file in {@code sources} order and line); and how many
     * lines had errors.
     */
    public record Outcome(String catalogue, CrontabImporter.Result result, int skipped) {}

    /**
     * Checks the imported jobs; with {@code skipInvalid} the rejected ones are left out of the
     * catalogue (their errors stay in the messages), otherwise the catalogue holds them all and
     * must not be written when there are errors.
     */
    public static Outcome check(CrontabImporter.Result result, List<String> sources, Instant now, boolean skipInvalid) {
        List<ImportMessage> messages = new ArrayList<>(result.messages());
        List<ImportedJob> jobs = new ArrayList<>(result.jobs());
        CatalogueWriter.Written written = CatalogueWriter.written(jobs, sources);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<ImportedJob, String> rejected = rejected(written, jobs, now);
            rejected.forEach((job, why) -> messages.add(ImportMessage.error(job.file(), job.line(), why)));
            if (rejected.isEmpty() || !skipInvalid) {
                break;
            }
            jobs.removeAll(rejected.keySet());
            written = CatalogueWriter.written(jobs, sources);
        }
        Map<String, Integer> order = new HashMap<>();
        sources.forEach(s -> order.putIfAbsent(s, order.size()));
        messages.sort(Comparator.comparingInt((ImportMessage m) -> order.getOrDefault(m.file(), order.size()))
                .thenComparingInt(ImportMessage::line));
        Set<String> badLines = new LinkedHashSet<>();
        messages.stream().filter(ImportMessage::error).forEach(m -> badLines.add(m.file() + "\0" + m.line()));
        return new Outcome(written.text(), new CrontabImporter.Result(jobs, messages), badLines.size());
    }

    /** The jobs the compiler rejects, each with what it said (an error outside any job counts for every job). */
    private static Map<ImportedJob, String> rejected(CatalogueWriter.Written written, List<ImportedJob> jobs, Instant now) {
        Compilation c;
        try {
            c = CatalogueCompiler.compile(List.of(new CatalogueSource("imported catalogue", "/etc/jobgen/imported.yaml",
                    written.text())), CompileOptions.defaults(now));
        } catch (TemplateProblem e) {
            throw new IllegalStateException("the built-in templates failed", e);
        }
        Map<ImportedJob, String> rejected = new LinkedHashMap<>();
        for (Diagnostic d : c.diagnostics()) {
            if (!d.isError()) {
                continue;
            }
            String why = "the converted job does not validate: " + d.message() + " [" + d.code().id() + "]"
                    + d.hint().map(h -> "; " + h).orElse("");
            int index = jobAt(written.jobLines(), d.at().line());
            List<ImportedJob> affected = index < 0 ? jobs : List.of(jobs.get(index));
            affected.forEach(job -> rejected.merge(job, why, (a, b) -> a.equals(b) ? a : a + "; " + b));
        }
        return rejected;
    }

    /** The index of the job whose text holds {@code line}, or -1 when the line comes before every job. */
    private static int jobAt(List<Integer> jobLines, int line) {
        int index = -1;
        for (int i = 0; i < jobLines.size() && jobLines.get(i) <= line; i++) {
            index = i;
        }
        return index;
    }
}
