package dev.jobgen.runner;

import dev.jobgen.runspec.UsageException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's {@link PeriodSource} for its {@code --schedule} expressions: the remembered
 * {@link ElapseTable} when it is valid, else the calendar engine (whose answer is remembered for
 * the next runs). The table's key names everything the answer depends on: the expressions, the
 * local zone as the JVM finds it ({@code TZ}, {@code /etc/timezone}, {@code /etc/localtime}),
 * and the jobgen and Java versions (engine and tz rules).
 */
final class SchedulePeriods {
    static final String FILE = "periods";
    /** The property that names the jar when the launcher puts it on the boot class path. */
    static final String JAR_PROPERTY = "jobgen.jar";

    private SchedulePeriods() {}

    static PeriodSource open(List<String> schedules, Path stateDir, Map<String, String> env, Instant now) throws UsageException {
        if (schedules.isEmpty()) {
            return PeriodSource.none();
        }
        Path file = stateDir.resolve(FILE);
        List<String> key = key(schedules, env);
        Optional<ElapseTable> remembered = ElapseTable.load(file, key, now, new Lazy(schedules, env));
        if (remembered.isPresent()) {
            return remembered.get();
        }
        ElapseTable table = ElapseTable.compute(CalendarPeriods.parse(schedules, timerZone(env)), now);
        try {
            table.save(file, key);
        } catch (IOException e) {
            // the state directory may not be writable yet: the next run computes again
        }
        return table;
    }

    /**
     * The zone systemd fires an unzoned timer in: the service manager's, from /etc/localtime. The
     * job's {@code TZ} (in the unit's environment, so in the runner's) must not move its periods:
     * with {@code TZ=UTC} on a Berlin node a manual start ran the period twice, or the timer's
     * run was taken for one already done. Without {@code TZ} the JVM's default is that zone.
     */
    static ZoneId timerZone(Map<String, String> env) {
        if (env.get("TZ") == null) {
            return ZoneId.systemDefault();
        }
        Path localtime = Path.of("/etc/localtime");
        try {
            if (Files.isSymbolicLink(localtime)) {
                String target = Files.readSymbolicLink(localtime).toString();
                int at = target.indexOf("zoneinfo/");
                if (at >= 0) {
                    return ZoneId.of(target.substring(at + "zoneinfo/".length()));
                }
            }
            String name = firstLine(Path.of("/etc/timezone"));
            if (!name.equals("-") && !name.isEmpty()) {
                return ZoneId.of(name);
            }
        } catch (IOException | java.time.DateTimeException e) {
            // unreadable or unknown: as below
        }
        // a copied /etc/localtime without /etc/timezone cannot be named here; systemd without one uses UTC
        return ZoneId.of("UTC");
    }

    static List<String> key(List<String> schedules, Map<String, String> env) {
        List<String> key = new ArrayList<>();
        key.add("jobgen " + jobgenVersion());
        key.add("java " + System.getProperty("java.version"));
        key.add("TZ " + env.getOrDefault("TZ", "-"));
        key.add("timezone " + firstLine(Path.of("/etc/timezone")));
        key.add("localtime " + localtime(Path.of("/etc/localtime")));
        for (String s : schedules) {
            key.add("schedule " + s);
        }
        return key;
    }

    private static String localtime(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return Files.readSymbolicLink(p).toString();
            }
            return Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "-";
        }
    }

    private static String firstLine(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        } catch (IOException e) {
            return "-";
        }
    }

    /** The jar (or class directory) this code runs from, by size and mtime: a new build is a new engine. */
    private static String jobgenVersion() {
        try {
            Path code = codeLocation();
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "-";
        }
    }

    /**
     * Where this class came from. The node launcher puts the jar of a run without a heartbeat on the
     * boot class path (src/docs/startup.md), where classes have no code source and the JVM does not
     * tell the path: the launcher names it in {@code -Djobgen.jar=}.
     */
    private static Path codeLocation() throws URISyntaxException {
        CodeSource source = SchedulePeriods.class.getProtectionDomain().getCodeSource();
        if (source != null) {
            return Path.of(source.getLocation().toURI());
        }
        String jar = System.getProperty(JAR_PROPERTY, "");
        if (jar.isEmpty()) {
            throw new IllegalStateException("loaded from the boot class path without -D" + JAR_PROPERTY + "=");
        }
        return Path.of(jar);
    }

    /** The engine, parsed only if a remembered table is asked about an instant it does not cover. */
    private static final class Lazy implements PeriodSource {
        private final List<String> schedules;
        private final Map<String, String> env;
        private PeriodSource engine;

        Lazy(List<String> schedules, Map<String, String> env) {
            this.schedules = schedules;
            this.env = env;
        }

        private PeriodSource engine() {
            if (engine == null) {
                try {
                    engine = CalendarPeriods.parse(schedules, timerZone(env));
                } catch (UsageException e) {
                    engine = PeriodSource.none();   // cannot happen: the table was made from these expressions
                }
            }
            return engine;
        }

        @Override
        public Optional<Instant> periodAt(Instant now) {
            return engine().periodAt(now);
        }

        @Override
        public Optional<Instant> nextAfter(Instant now) {
            return engine().nextAfter(now);
        }
    }
}
