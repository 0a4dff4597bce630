package dev.jobgen.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jobgen.bind.CatalogueSource;
import dev.jobgen.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated catalogues (random edits of the examples) and hand-written hostile YAML:
 * the compiler must never throw, and every diagnostic must point into the text it was given.
 */
class CatalogueFuzzTest {
    private static final int MUTANTS = 4000;
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

    @Test
    void mutatedAndHostileCataloguesNeverCrashTheCompiler() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (Path p : GoldenTest.examples()) {
            seeds.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        Random random = new Random(20261123L);
        List<String> inputs = new ArrayList<>(HOSTILE);
        for (int i = 0; i < MUTANTS; i++) {
            inputs.add(mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
        int withDiagnostics = 0;
        for (String text : inputs) {
            Compilation c;
            try {
                c = CatalogueCompiler.compile(List.of(new CatalogueSource("fuzz.yaml", "/etc/jobgen/fuzz.yaml", text)),
                        CompileOptions.defaults(dev.jobgen.testing.Fixtures.NOW));
            } catch (Throwable t) {
                fail("compiler threw " + t + " for input:\n" + abbreviate(text), t);
                return;
            }
            int lines = (int) text.chars().filter(ch -> ch == '\n' || ch == '\r' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029').count() + 1;
            for (Diagnostic d : c.diagnostics()) {
                assertTrue(d.at().file().equals("fuzz.yaml") && d.at().line() <= lines + 1,
                        () -> "diagnostic outside the text: " + d.headline() + " for input:\n" + abbreviate(text));
            }
            if (!c.diagnostics().isEmpty()) {
                withDiagnostics++;
            }
        }
        assertTrue(withDiagnostics > MUTANTS / 4, "mutations should mostly be caught; only " + withDiagnostics + " were");
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
