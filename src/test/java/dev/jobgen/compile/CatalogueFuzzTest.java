package dev.jobgen.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.diag.Diagnostic;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Ten thousand mutated catalogues (random edits of the examples), hand-written hostile YAML, and
 * every scalar of the reference catalogue with hostile characters: the compiler must never throw,
 * must finish each input within a bound, and every diagnostic must point into the text it was given.
 */
class CatalogueFuzzTest {
    private static final String ALPHABET = " \t\n:-[]{}#&*!|>'\"%@`,?~\\$\u0000\u00e9\u2028abc0123456789.";
    private static final List<String> HOSTILE = List.of(
            "", "\n", "---\n---\n", "jobgen: 1\njobs: [1, 2]\n", "jobgen: 1\njobs:\n  x: !!binary AAAA\n",
            "jobgen: 1\njobs:\n  x: !!java.net.URL [http://example.com]\n", "!!set {a, b}",
            "a: &a [*a]\n", "jobgen: 1\njobs: &j\n  x:\n    <<: *j\n",
            "jobgen: 1\njobs:\n  " + "[".repeat(200) + "\n",
            "jobgen: 1\njobs:\n  x:\n    command: [/bin/true]\n    schedule: daily\n    environment: {A: " + "x".repeat(2_000_000) + "}\n",
            "jobgen: 1\n" + "k: v\n".repeat(5), "? [complex, key]\n: value\n", "jobgen: 1\njobs: {x: {command: /bin/true, schedule: daily, <<: [1]}}\n",
            billionLaughs());

    private static String billionLaughs() {
        StringBuilder s = new StringBuilder("jobgen: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            s.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                s.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            s.append("]\n");
        }
        return s.toString();
    }

    /**
     * The seed of the mutants: fixed, so CI is repeatable; {@code -Djobgen.fuzz.seed=N} tries
     * others, and {@code -Djobgen.fuzz.count=N} more of them. A failure names the seed and the
     * input's number, which reproduce it.
     */
    private static final long SEED = Long.getLong("jobgen.fuzz.seed", 20261123L);
    private static final int MUTANTS = Integer.getInteger("jobgen.fuzz.count", 10_000);
    /** Far above the slowest input (the 2 MB scalar, ~0.1 s), far below a quadratic or a hang. */
    private static final Duration PER_INPUT = Duration.ofSeconds(Long.getLong("jobgen.fuzz.seconds", 20));

    @Test
    void mutatedAndHostileCataloguesNeverCrashTheCompiler() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Path p : GoldenTest.examples()) {
            seeds.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>(HOSTILE);
        for (int i = 0; i < MUTANTS; i++) {
            inputs.add(mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
        int withDiagnostics = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-compile"));
        try {
            for (int i = 0; i < inputs.size(); i++) {
                String text = inputs.get(i);
                Compilation c = compileWithin(worker, text, "seed " + SEED + ", input " + i + " (-Djobgen.fuzz.seed=" + SEED + ")");
                assertDiagnosticsInside(c, text);
                if (!c.diagnostics().isEmpty()) {
                    withDiagnostics++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertTrue(withDiagnostics > MUTANTS / 4, "mutations should mostly be caught; only " + withDiagnostics + " were");
    }

    /** YAML escapes of what no unit file can carry, or carries only escaped, and path components too long for Linux. */
    private static final List<String> INJECTIONS = List.of("\\0", "\\x01", "\\ud800",
            "/" + "d".repeat(100) + "/" + "\\u00e9".repeat(128));

    /**
     * Every scalar of the catalogue that uses every key, replaced in turn by its value plus each
     * injection (as a double-quoted YAML scalar): the compiler reports a problem with a position,
     * or renders; it never throws. A NUL can go into no unit file, so it is always an error.
     */
    @Test
    void everyScalarWithHostileCharactersIsReportedOrRendered() throws Exception {
        String text = Files.readString(GoldenTest.EXAMPLES.resolve("everything.yaml"), StandardCharsets.UTF_8);
        List<ScalarEvent> scalars = new ArrayList<>();
        for (Event e : new Yaml().parse(new StringReader(text))) {
            if (e instanceof ScalarEvent s) {
                scalars.add(s);
            }
        }
        assertTrue(scalars.size() > 100, "everything.yaml has " + scalars.size() + " scalars");
        List<String> unnoticed = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-compile"));
        try {
            for (ScalarEvent scalar : scalars) {
                int from = scalar.getStartMark().getIndex();
                int to = scalar.getEndMark().getIndex();
                for (String injection : INJECTIONS) {
                    String quoted = "\"" + scalar.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                            + injection + "\"";
                    // a block scalar's end mark is after its last line break
                    String mutant = text.substring(0, from) + quoted + (text.charAt(to - 1) == '\n' ? "\n" : "") + text.substring(to);
                    Compilation c = compileWithin(worker, mutant, "'" + scalar.getValue() + "' + " + injection);
                    assertDiagnosticsInside(c, mutant);
                    if (injection.equals("\\0") && !c.hasErrors()) {
                        unnoticed.add(scalar.getValue());
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertTrue(unnoticed.isEmpty(), "a NUL went unnoticed in " + unnoticed);
    }

    /** Compiles on {@code worker}, failing (naming {@code what}) when it throws or takes longer than {@link #PER_INPUT}. */
    private static Compilation compileWithin(ExecutorService worker, String text, String what) throws InterruptedException {
        Future<Compilation> result = worker.submit(() -> CatalogueCompiler.compile(
                List.of(new CatalogueSource("fuzz.yaml", "/etc/jobgen/fuzz.yaml", text)), CompileOptions.defaults(dev.jobgen.testing.Fixtures.NOW)));
        try {
            return result.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail(what + ": compiling took longer than " + PER_INPUT + " for input:\n" + abbreviate(text));
        } catch (ExecutionException e) {
            return fail(what + ": compiler threw " + e.getCause() + " for input:\n" + abbreviate(text), e.getCause());
        }
    }

    private static void assertDiagnosticsInside(Compilation c, String text) {
        int lines = (int) text.chars().filter(ch -> ch == '\n' || ch == '\r' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029').count() + 1;
        for (Diagnostic d : c.diagnostics()) {
            assertTrue(d.at().file().equals("fuzz.yaml") && d.at().line() <= lines + 1 && d.at().column() >= 1,
                    () -> "diagnostic outside the text: " + d.headline() + " for input:\n" + abbreviate(text));
        }
    }

    private static String mutate(String seed, Random r) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(6)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 2 -> s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 3 -> { // duplicate a line
                    int start = s.lastIndexOf("\n", at) + 1;
                    int end = s.indexOf("\n", start);
                    end = end < 0 ? s.length() : end;
                    s.insert(start, s.substring(start, end) + "\n");
                }
                case 4 -> s.setLength(at); // truncate
                default -> { // swap two characters
                    int other = r.nextInt(s.length());
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, c);
                }
            }
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
