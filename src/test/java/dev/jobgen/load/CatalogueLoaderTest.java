package dev.jobgen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.diag.Diagnostic;
import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** YAML text to positioned nodes: types, anchors, merge keys, and every refusal with its position. */
class CatalogueLoaderTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private YNode.Mapping load(String text) {
        Optional<YNode> root = CatalogueLoader.load("c.yaml", text, diagnostics);
        assertTrue(root.isPresent(), () -> "not loaded: " + diagnostics.sorted());
        return (YNode.Mapping) root.get();
    }

    private Diagnostic refused(String text) {
        assertTrue(CatalogueLoader.load("c.yaml", text, diagnostics).isEmpty(), "loaded");
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static YNode.Scalar scalar(YNode.Mapping m, String key) {
        return (YNode.Scalar) m.get(key).orElseThrow();
    }

    @Test
    void keysAndValuesKeepTheirOneBasedPositions() {
        YNode.Mapping m = load("jobgen: 1\njobs:\n  a:\n    command: /bin/true\n");
        YNode.Entry a = ((YNode.Mapping) m.get("jobs").orElseThrow()).entry("a").orElseThrow();
        assertEquals(3, a.keyAt().line());
        assertEquals(3, a.keyAt().column());
        YNode.Scalar command = scalar((YNode.Mapping) a.value(), "command");
        assertEquals(4, command.at().line());
        assertEquals(14, command.at().column());
    }

    @Test
    void plainScalarsAreTypedAndQuotedOnesStayStrings() {
        YNode.Mapping m = load("i: 010\nq: \"5\"\nb: yes\nn: ~\nf: 1.5\ns: !!str 7\nt: 5min\n");
        assertEquals(YNode.ScalarType.INT, scalar(m, "i").type());
        assertEquals("010", scalar(m, "i").text());
        assertEquals(YNode.ScalarType.STRING, scalar(m, "q").type());
        assertTrue(scalar(m, "q").quoted());
        assertEquals(YNode.ScalarType.BOOL, scalar(m, "b").type());
        assertEquals(YNode.ScalarType.NULL, scalar(m, "n").type());
        assertEquals(YNode.ScalarType.FLOAT, scalar(m, "f").type());
        assertEquals(YNode.ScalarType.STRING, scalar(m, "s").type());
        assertEquals(YNode.ScalarType.STRING, scalar(m, "t").type());
        assertFalse(scalar(m, "t").quoted());
    }

    @Test
    void anAliasGivesTheAnchoredValue() {
        YNode.Mapping m = load("a: &list [x, y]\nb: *list\n");
        assertSame(m.get("a").orElseThrow(), m.get("b").orElseThrow());
        assertEquals(List.of("x", "y"), ((YNode.Sequence) m.get("b").orElseThrow()).items().stream()
                .map(i -> ((YNode.Scalar) i).text()).toList());
    }

    @Test
    void mergeKeysFillInWhatTheMapDoesNotSayItself() {
        YNode.Mapping m = load("base: &b {x: 1, y: 2}\nmore: &c {y: 9, z: 3}\njob:\n  <<: [*b, *c]\n  y: 5\n\"<<\": literal\n");
        YNode.Mapping job = (YNode.Mapping) m.get("job").orElseThrow();
        assertEquals(List.of("y", "x", "z"), job.entries().stream().map(YNode.Entry::key).toList());
        assertEquals("5", scalar(job, "y").text());
        assertEquals("1", scalar(job, "x").text());
        assertEquals("3", scalar(job, "z").text());
        assertEquals("literal", scalar(m, "<<").text(), "a quoted << is a plain key");
    }

    @Test
    void inAListOfMergedMapsTheFirstThatSaysAKeyWins() {
        YNode.Mapping job = (YNode.Mapping) load("job:\n  <<: [{x: 1, z: 1}, {z: 2, w: 2}]\n  <<: {w: 3, v: 3}\n")
                .get("job").orElseThrow();
        assertEquals(List.of("x", "z", "w", "v"), job.entries().stream().map(YNode.Entry::key).toList());
        assertEquals(List.of("1", "1", "2", "3"), job.entries().stream().map(e -> ((YNode.Scalar) e.value()).text()).toList());
    }

    @Test
    void anEmptyDocumentIsAnEmptyMap() {
        assertEquals(List.of(), load("# nothing\n").entries());
    }

    @Test
    void aDuplicateKeyNamesTheFirstOne() {
        assertTrue(CatalogueLoader.load("c.yaml", "a: 1\nb: 2\na: 3\n", diagnostics).isPresent());
        Diagnostic d = diagnostics.sorted().get(0);
        assertEquals(DiagnosticCode.DUPLICATE_KEY, d.code());
        assertEquals(3, d.at().line());
        assertTrue(d.message().contains("1"), d.message());
    }

    @Test
    void aComplexKeyIsRefusedWhereItIs() {
        assertTrue(CatalogueLoader.load("c.yaml", "ok: 1\n? [a, b]\n: 2\n", diagnostics).isPresent());
        Diagnostic d = diagnostics.sorted().get(0);
        assertEquals(DiagnosticCode.WRONG_TYPE, d.code());
        assertEquals(2, d.at().line());
    }

    @Test
    void anUndefinedAliasIsASyntaxErrorAtTheAlias() {
        Diagnostic d = refused("a: 1\nb: *nowhere\n");
        assertEquals(DiagnosticCode.YAML_SYNTAX, d.code());
        assertEquals(2, d.at().line());
        assertEquals(4, d.at().column());
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRefused() {
        Diagnostic d = refused("a: &loop\n  - x\n  - *loop\n");
        assertEquals(DiagnosticCode.YAML_LIMIT, d.code());
        assertTrue(d.message().contains("refers to itself"), d.message());
    }

    @Test
    void tooManyAliasesOfCollectionsAreRefusedButScalarAliasesAreNot() {
        StringBuilder scalars = new StringBuilder("s: &s word\nl:\n");
        StringBuilder lists = new StringBuilder("s: &s [word]\nl:\n");
        for (int i = 0; i < 300; i++) {
            scalars.append("  - *s\n");
            lists.append("  - *s\n");
        }
        assertEquals(300, ((YNode.Sequence) load(scalars.toString()).get("l").orElseThrow()).items().size());
        Diagnostic d = refused(lists.toString());
        assertEquals(DiagnosticCode.YAML_LIMIT, d.code());
        assertEquals(3 + 200, d.at().line(), "the 201st alias");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "a: " + "[".repeat(CatalogueLoader.MAX_DEPTH + 5) + "]".repeat(CatalogueLoader.MAX_DEPTH + 5) + "\n";
        assertEquals(DiagnosticCode.YAML_LIMIT, refused(deep).code());
        String fine = "a: " + "[".repeat(50) + "]".repeat(50) + "\n";
        load(fine);
    }

    @Test
    void aSecondDocumentIsRefusedWhereItStarts() {
        Diagnostic d = refused("a: 1\n---\nb: 2\n");
        assertEquals(DiagnosticCode.YAML_SYNTAX, d.code());
        assertEquals(3, d.at().line());
    }

    @Test
    void anAliasBombIsRefusedBeforeItIsExpanded() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Diagnostic d = refused(bomb.toString());
        assertEquals(DiagnosticCode.YAML_LIMIT, d.code());
        assertTrue(d.message().contains("alias bomb"), d.message());
    }

    @Test
    void theExpansionLimitCountsValuesNotKeys() {
        // 200 aliases of a 4,000-key map expand to about 800,000 values (1.6 million with the keys):
        // a plain catalogue of half a million keys is as large, and is no alias bomb
        StringBuilder text = new StringBuilder("m: &m {");
        for (int i = 0; i < 4_000; i++) {
            text.append(i == 0 ? "" : ", ").append('k').append(i).append(": 1");
        }
        text.append("}\nl: [").append(String.join(", ", java.util.Collections.nCopies(200, "*m"))).append("]\n");
        assertEquals(200, ((YNode.Sequence) load(text.toString()).get("l").orElseThrow()).items().size());
    }

    @Test
    void anAnchorRedefinedInsideItsOwnCollectionIsNoLoop() {
        YNode.Mapping root = load("a: &x [&x 1, *x]\nb: *x\n");
        List<YNode> items = ((YNode.Sequence) root.get("a").orElseThrow()).items();
        assertEquals(List.of("1", "1"), items.stream().map(n -> ((YNode.Scalar) n).text()).toList());
        assertEquals("1", scalar(root, "b").text(), "the alias names the latest definition");
    }

    @Test
    void aSyntaxErrorKeepsSnakeyamlsPosition() {
        Diagnostic d = refused("jobs:\n  a: [unclosed\n  b: 1\n");
        assertEquals(DiagnosticCode.YAML_SYNTAX, d.code());
        assertTrue(d.at().line() >= 2, d.toString());
    }

    @Test
    void theSizeLimitCountsUtf8BytesNotCharacters() {
        // fewer characters than the limit, more bytes: three per euro sign
        String comment = "# " + "\u20ac".repeat(CatalogueLoader.MAX_BYTES / 3 + 1) + "\n";
        assertTrue(comment.length() < CatalogueLoader.MAX_BYTES);
        assertEquals(DiagnosticCode.YAML_LIMIT, refused(comment).code());
        Diagnostics fresh = new Diagnostics();
        String justUnder = "# " + "\u20ac".repeat(CatalogueLoader.MAX_BYTES / 3 - 10) + "\njobgen: 1\n";
        assertTrue(CatalogueLoader.load("c.yaml", justUnder, fresh).isPresent(), () -> fresh.sorted().toString());
    }
}
