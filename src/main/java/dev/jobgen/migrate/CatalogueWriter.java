package dev.jobgen.migrate;

import dev.jobgen.bind.CatalogueKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes imported jobs as a format-1 catalogue (src/docs/catalogue.md): deterministic text, keys
 * in a fixed order, settings shared by every job under {@code defaults:}, and each job preceded by
 * a comment naming the crontab line it came from. {@code catch-up: false} keeps cron's behaviour
 * after downtime (a timer's {@code Persistent=} would run missed elapses at boot; cron does not),
 * and {@code timeout: infinity} its lack of a time limit (the catalogue's default of 1h would kill
 * a job cron let run for three).
 */
public final class CatalogueWriter {
    private final StringBuilder out = new StringBuilder();
    private final SharedSettings shared;
    /** Where each job's text starts in {@link #out}. */
    private final List<Integer> jobOffsets = new ArrayList<>();

    private CatalogueWriter(SharedSettings shared) {
        this.shared = shared;
    }

    /** The catalogue's text, and the line on which each job's text starts (1-based, in job order). */
    public record Written(String text, List<Integer> jobLines) {
        public Written {
            jobLines = List.copyOf(jobLines);
        }
    }

    public static String write(List<ImportedJob> jobs, List<String> sources) {
        return written(jobs, sources).text();
    }

    public static Written written(List<ImportedJob> jobs, List<String> sources) {
        CatalogueWriter w = new CatalogueWriter(SharedSettings.of(jobs));
        // editors with yaml-language-server check the file against the schema the package installs
        w.out.append("# yaml-language-server: $schema=file://").append(CatalogueKeys.SCHEMA_PATH).append('\n');
        w.out.append("# Imported by 'jobgen import-crontab' from ").append(String.join(", ", sources).replaceAll("[\r\n]", " "))
                .append(".\n");
        w.out.append("# Check it with 'jobgen validate' and review the warnings the import printed.\n");
        w.out.append("jobgen: 1\n");
        if (!jobs.isEmpty()) {
            w.out.append("defaults:\n");
            w.out.append("  catch-up: false  # as with cron, runs missed while the machine was off are not made up\n");
            w.out.append("  timeout: infinity  # as with cron, no run is stopped; set a timeout where one should be\n");
            w.settings("  ", w.shared.timezone(), w.shared.jitter(), Optional.empty(), Optional.empty(), w.shared.user(),
                    w.shared.environment(), Optional.empty(), w.shared.email());
        }
        w.out.append("jobs:");
        if (jobs.isEmpty()) {
            w.out.append(" {}\n");
        } else {
            w.out.append('\n');
            jobs.forEach(w::job);
        }
        return new Written(w.out.toString(), w.jobLines());
    }

    private List<Integer> jobLines() {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int at = 0;
        for (int offset : jobOffsets) {
            for (; at < offset; at++) {
                line += out.charAt(at) == '\n' ? 1 : 0;
            }
            lines.add(line);
        }
        return lines;
    }

    private void job(ImportedJob job) {
        jobOffsets.add(out.length());
        out.append("  # ").append(job.file().replaceAll("[\r\n]", " ")).append(':').append(job.line()).append('\n');
        out.append("  ").append(YamlScalar.of(job.name())).append(":\n");
        entry("    ", "description", job.description());
        out.append("    cron: ").append(YamlScalar.quoted(job.cron())).append('\n');
        settings("    ", unshared(job.timezone(), shared.timezone()), unshared(job.jitter(), shared.jitter()), job.command(),
                job.script(), unshared(job.user(), shared.user()), shared.ownEnvironment(job), job.lock(),
                unshared(job.email(), shared.email()));
        if (!job.enabled()) {
            out.append("    enabled: false\n");
        }
    }

    private static Optional<String> unshared(Optional<String> value, Optional<String> shared) {
        return shared.isPresent() ? Optional.empty() : value;
    }

    private void settings(String indent, Optional<String> timezone, Optional<String> jitter, Optional<String> command,
            Optional<String> script, Optional<String> user, SortedMap<String, String> environment, Optional<String> lock,
            Optional<String> email) {
        entry(indent, "timezone", timezone);
        entry(indent, "jitter", jitter);
        entry(indent, "command", command);
        entry(indent, "script", script);
        entry(indent, "user", user);
        if (!environment.isEmpty()) {
            out.append(indent).append("environment:\n");
            for (Map.Entry<String, String> e : environment.entrySet()) {
                out.append(indent).append("  ").append(YamlScalar.of(e.getKey())).append(": ")
                        .append(YamlScalar.of(e.getValue())).append('\n');
            }
        }
        entry(indent, "lock", lock);
        email.ifPresent(a -> out.append(indent).append("on-failure:\n").append(indent).append("  email: ")
                .append(YamlScalar.of(a)).append('\n'));
    }

    private void entry(String indent, String key, Optional<String> value) {
        value.ifPresent(v -> out.append(indent).append(key).append(": ").append(YamlScalar.of(v)).append('\n'));
    }
}
