package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import dev.jobgen.load.YNode;
import dev.jobgen.model.ByteSize;
import dev.jobgen.model.ByteSizeException;
import dev.jobgen.model.Names;
import dev.jobgen.model.Resources;
import dev.jobgen.model.Sandbox;
import dev.jobgen.unitfile.SystemdEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where and as whom a job runs: user, group, directories, environment, resources and sandbox. */
final class ExecutionBinder {
    private static final Set<String> RESOURCE_KEYS = CatalogueKeys.RESOURCES.names();
    private static final Pattern PERCENT = Pattern.compile("([0-9]{1,5})%");

    private final Fields f;
    private final int systemdVersion;

    ExecutionBinder(Fields f, int systemdVersion) {
        this.f = f;
        this.systemdVersion = systemdVersion;
    }

    Optional<String> user() {
        return name("user");
    }

    Optional<String> group() {
        return name("group");
    }

    private Optional<String> name(String key) {
        return f.string(key).filter(n -> {
            boolean ok = Names.isUserOrGroup(n);
            if (!ok) {
                f.diagnostics().error(DiagnosticCode.INVALID_USER, f.valueAt(key), key, n);
            }
            return ok;
        });
    }

    Optional<String> workingDirectory() {
        return f.string("working-directory").filter(p -> absolute(f, "working-directory", p));
    }

    /** Also a list item: a sandbox adds it to {@code ReadWritePaths=}, which splits and unquotes. */
    Optional<String> metricsDir() {
        return f.string("metrics-dir").filter(p -> absolute(f, "metrics-dir", p)).filter(p -> {
            Optional<String> problem = SystemdEscaper.pathListItemProblem(p);
            problem.ifPresent(why -> f.diagnostics().error(DiagnosticCode.UNREPRESENTABLE_VALUE, f.valueAt("metrics-dir"), "metrics-dir", why));
            return problem.isEmpty();
        });
    }

    List<String> environmentFiles() {
        List<String> files = new ArrayList<>();
        for (YNode.Scalar s : f.scalars("environment-file", true).orElse(List.of())) {
            if (absolute(s.at(), "environment-file", s.text(), f.diagnostics())) {
                files.add(s.text());
            }
        }
        return files;
    }

    TreeMap<String, String> environment() {
        TreeMap<String, String> env = new TreeMap<>();
        f.map("environment").ifPresent(m -> {
            for (YNode.Entry e : m.entries()) {
                Optional<String> nameProblem = SystemdEscaper.environmentNameProblem(e.key());
                if (nameProblem.isPresent()) {
                    f.diagnostics().error(DiagnosticCode.INVALID_VALUE, e.keyAt(), "environment", nameProblem.get());
                } else if (e.value() instanceof YNode.Scalar s) {
                    Optional<String> old = SystemdEscaper.environmentValueProblem(s.text(), systemdVersion);
                    old.ifPresent(p -> f.diagnostics().error(DiagnosticCode.UNREPRESENTABLE_VALUE, s.at(), "environment." + e.key(), p));
                    if (old.isEmpty() && JobBinder.representable(s, "environment." + e.key(), f.diagnostics())) {
                        env.put(e.key(), s.isNull() ? "" : s.text());
                    }
                } else {
                    f.diagnostics().error(DiagnosticCode.WRONG_TYPE, e.value().at(), "environment." + e.key(), "a single value", e.value().kind());
                }
            }
        });
        return env;
    }

    Resources resources() {
        return f.map("resources").map(m -> {
            Fields r = Fields.of(m, "resources", RESOURCE_KEYS, f.diagnostics());
            Optional<Integer> nice = r.integer("nice", -20, 19);
            Optional<Integer> quota = r.scalar("cpu-quota").flatMap(s -> {
                Matcher pm = PERCENT.matcher(s.text().strip());
                if (pm.matches() && Integer.parseInt(pm.group(1)) > 0) {
                    return Optional.of(Integer.parseInt(pm.group(1)));
                }
                r.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "cpu-quota", "write a percentage of one CPU, e.g. 50% or 200%");
                return Optional.empty();
            });
            Optional<Long> memory = r.scalar("memory-max").flatMap(s -> size(s, "memory-max", r.diagnostics()));
            Optional<Resources.IoClass> io = r.scalar("io").flatMap(s -> {
                for (Resources.IoClass c : Resources.IoClass.values()) {
                    if (c.id().equals(s.text().toLowerCase(Locale.ROOT))) {
                        return Optional.of(c);
                    }
                }
                r.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "io", "use idle, best-effort or realtime");
                return Optional.empty();
            });
            return new Resources(nice, quota, memory, io);
        }).orElse(Resources.NONE);
    }

    Sandbox sandbox() {
        Sandbox.Level level = f.scalar("sandbox").map(s -> {
            for (Sandbox.Level l : Sandbox.Level.values()) {
                if (l.id().equals(s.text())) {
                    return l;
                }
            }
            f.diagnostics().error(DiagnosticCode.INVALID_VALUE, s.at(), "sandbox", "use off, standard or strict");
            return Sandbox.Level.OFF;
        }).orElse(Sandbox.Level.OFF);
        List<String> writable = new ArrayList<>();
        for (YNode.Scalar s : f.scalars("writable-paths", true).orElse(List.of())) {
            Optional<String> problem = SystemdEscaper.pathListItemProblem(s.text());
            problem.ifPresent(p -> f.diagnostics().error(DiagnosticCode.UNREPRESENTABLE_VALUE, s.at(), "writable-paths", p));
            if (problem.isEmpty() && absolute(s.at(), "writable-paths", s.text(), f.diagnostics())) {
                writable.add(s.text());
            }
        }
        if (!writable.isEmpty() && level == Sandbox.Level.OFF) {
            f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, f.keyAt("writable-paths"),
                    "set 'sandbox: standard' or 'strict', or drop writable-paths", "writable-paths", "has no effect without a sandbox");
        }
        return new Sandbox(level, writable);
    }

    /** A positive byte size ({@link ByteSize}: 1024-based K/M/G/T, also written KiB, MiB...). */
    static Optional<Long> size(YNode.Scalar s, String key, Diagnostics diagnostics) {
        try {
            long bytes = ByteSize.parse(s.text()).bytes();
            if (bytes > 0) {
                return Optional.of(bytes);
            }
            diagnostics.error(DiagnosticCode.INVALID_SIZE, s.at(), s.text(), "'" + key + "' must be larger than 0");
        } catch (ByteSizeException e) {
            diagnostics.error(DiagnosticCode.INVALID_SIZE, s.charAt(e.index()), s.text(), e.getMessage());
        }
        return Optional.empty();
    }

    static boolean absolute(Fields f, String key, String path) {
        return absolute(f.valueAt(key), key, path, f.diagnostics());
    }

    /** Absolute, and writable literally into a unit file as a path setting. */
    static boolean absolute(SourcePosition at, String key, String path, Diagnostics diagnostics) {
        if (!path.startsWith("/")) {
            diagnostics.error(DiagnosticCode.RELATIVE_PATH, at, key, path);
            return false;
        }
        Optional<String> problem = SystemdEscaper.pathProblem(path);
        problem.ifPresent(p -> diagnostics.error(DiagnosticCode.UNREPRESENTABLE_VALUE, at, key, p));
        return problem.isEmpty();
    }
}
