package dev.jobgen.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares generated files with a directory of expected ones: names first (missing or extra
 * files fail), then bytes. A mismatch leaves the actual files under
 * {@code target/golden-actual/<case>/}. {@code mvn -B verify -Dupdate=true} rewrites the expected
 * files in the source tree instead (refused when {@code CI} is set), for review with git diff.
 */
public final class GoldenFiles {
    private GoldenFiles() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("jobgen.basedir", System.getProperty("user.dir")));
    }

    public static boolean updating() {
        boolean update = Boolean.parseBoolean(System.getProperty("jobgen.update", "false"));
        if (update && System.getenv("CI") != null) {
            throw new IllegalStateException("golden files are never rewritten in CI (unset -Dupdate)");
        }
        return update;
    }

    public static void assertMatches(String caseName, Path expectedDir, Map<String, byte[]> actual) {
        if (updating()) {
            rewrite(expectedDir, actual);
            return;
        }
        Map<String, byte[]> expected = read(expectedDir);
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        StringBuilder problems = new StringBuilder();
        if (!missing.isEmpty()) {
            problems.append("missing files (expected but not generated): ").append(missing).append('\n');
        }
        if (!extra.isEmpty()) {
            problems.append("unexpected files (generated but not expected): ").append(extra).append('\n');
        }
        for (Map.Entry<String, byte[]> e : new TreeMap<>(actual).entrySet()) {
            byte[] want = expected.get(e.getKey());
            if (want != null && !Arrays.equals(want, e.getValue())) {
                problems.append(firstDifference(e.getKey(), want, e.getValue())).append('\n');
            }
        }
        if (problems.length() > 0) {
            Path out = projectDir().resolve("target/golden-actual").resolve(caseName);
            rewrite(out, actual);
            fail("golden case " + caseName + " differs (actual files in " + out + "; refresh with -Dupdate=true):\n" + problems);
        }
    }

    private static String firstDifference(String name, byte[] want, byte[] got) {
        String[] a = new String(want, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(got, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return name + " line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y;
            }
        }
        return name + ": same lines, different bytes";
    }

    public static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void rewrite(Path dir, Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    if (Files.isRegularFile(p) && !files.containsKey(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
