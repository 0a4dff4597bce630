package dev.jobgen.migrate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes imported jobs as a format-1 catalogue (DESIGN.md "Catalogue"): deterministic text, keys
 * in a fixed order, each job preceded by a comment naming the crontab line it came from.
 */
public final class CatalogueWriter {
    private final StringBuilder out = new StringBuilder();

    private CatalogueWriter() {}

    public static String write(List<ImportedJob> jobs, List<String> sources) {
        CatalogueWriter w = new CatalogueWriter();
        w.out.append("# Imported by 'jobgen import-crontab' from ").append(String.join(", ", sources).replaceAll("[\r\n]", " "))
                .append(".\n");
        w.out.append("# Check it with 'jobgen validate' and review the warnings the import printed.\n");
        w.out.append("jobgen: 1\n");
        w.out.append("jobs:");
        if (jobs.isEmpty()) {
            w.out.append(" {}\n");
        } else {
            w.out.append('\n');
            jobs.forEach(w::job);
        }
        return w.out.toString();
    }

    private void job(ImportedJob job) {
        out.append("  # ").append(job.file().replace('\n', ' ')).append(':').append(job.line()).append('\n');
        out.append("  ").append(YamlScalar.of(job.name())).append(":\n");
        entry("description", job.description());
        out.append("    cron: ").append(YamlScalar.quoted(job.cron())).append('\n');
        entry("timezone", job.timezone());
        entry("jitter", job.jitter());
        entry("command", job.command());
        entry("script", job.script());
        entry("user", job.user());
        if (!job.environment().isEmpty()) {
            out.append("    environment:\n");
            for (Map.Entry<String, String> e : job.environment().entrySet()) {
                out.append("      ").append(YamlScalar.of(e.getKey())).append(": ").append(YamlScalar.of(e.getValue())).append('\n');
            }
        }
        entry("lock", job.lock());
        job.email().ifPresent(email -> out.append("    on-failure:\n      email: ").append(YamlScalar.of(email)).append('\n'));
        if (!job.enabled()) {
            out.append("    enabled: false\n");
        }
    }

    private void entry(String key, Optional<String> value) {
        value.ifPresent(v -> out.append("    ").append(key).append(": ").append(YamlScalar.of(v)).append('\n'));
    }
}
