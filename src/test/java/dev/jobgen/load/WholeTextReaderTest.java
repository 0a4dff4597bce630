package dev.jobgen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The linear reader parses exactly as snakeyaml's own (same events, same marks, same errors), and
 * its work grows linearly with the length of one scalar, where snakeyaml's grows quadratically.
 */
class WholeTextReaderTest {
    private static final String WITH_BREAKS = "a: 1\r\nb: \"x\ry\"\nc: [\u00e9, \ud83d\ude00]\u2028d: |\n  l1\u0085  l2\ne: 'q''q'\n\ufeff";

    /** The events and the outcome of parsing {@code text}, as text with every mark. */
    private static List<String> parse(String text, Function<String, StreamReader> reader) {
        List<String> out = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(CatalogueLoader.MAX_BYTES);
            ParserImpl parser = new ParserImpl(reader.apply(text), options);
            while (parser.peekEvent() != null) {
                Event e = parser.getEvent();
                out.add(e + " " + mark(e.getStartMark()) + "-" + mark(e.getEndMark()));
                if (e.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
        } catch (ReaderException e) {
            out.add("unprintable U+" + Integer.toHexString(e.getCodePoint()));
        } catch (MarkedYAMLException e) {
            out.add(e.getProblem() + " at " + mark(e.getProblemMark()));
        }
        return out;
    }

    private static String mark(Mark m) {
        return m == null ? "-" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
    }

    @Test
    void parsesEveryExampleAndEveryMutantExactlyAsSnakeyamlDoes() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "a", WITH_BREAKS, "a: \"\u0001\"\n", "x: [1,\n", "\u00ff\u0007"));
        try (Stream<Path> examples = Files.list(GoldenFiles.projectDir().resolve("examples"))) {
            for (Path p : examples.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(7);
        String pieces = " \n\r\t:-[]{}#&*!|>'\"%@,?\\\u0000\u0085\u2028\u00e9\ufeffab1";
        for (int i = 0, seeds = texts.size(); i < 300; i++) {
            StringBuilder s = new StringBuilder(texts.get(random.nextInt(seeds)));
            for (int e = 0; e < 3 && s.length() > 0; e++) {
                s.insert(random.nextInt(s.length()), pieces.charAt(random.nextInt(pieces.length())));
            }
            texts.add(s.toString());
        }
        for (String text : texts) {
            List<String> expected = parse(text, StreamReader::new);
            List<String> actual = parse(text, WholeTextReader::new);
            // snakeyaml refuses an unprintable character when it reads the 1,024-character block that
            // holds it, this reader when the scanner reaches it (an earlier error comes first): the
            // events up to the earlier of the two ends agree
            if (text.codePoints().anyMatch(c -> !StreamReader.isPrintable(c))) {
                int agreed = Math.min(expected.size(), actual.size()) - 1;
                assertEquals(expected.subList(0, agreed), actual.subList(0, agreed), text);
                assertTrue(actual.get(actual.size() - 1).startsWith("unprintable") || !actual.get(actual.size() - 1).startsWith("<"), text);
            } else {
                assertEquals(expected, actual, text);
            }
        }
    }

    @Test
    void anUnprintableCharacterIsReportedAtItsLineAndColumn() {
        WholeTextReader reader = new WholeTextReader("a: 1\r\nb: \u00e9\ud83d\ude00\u0001\n");
        assertEquals(List.of(1, 5), List.of(reader.lineAndColumn(11)[0], reader.lineAndColumn(11)[1]));
        dev.jobgen.diag.Diagnostics diagnostics = new dev.jobgen.diag.Diagnostics();
        CatalogueLoader.load("c.yaml", "jobgen: 1\nd: \"\u00e9\u0001\"\n", diagnostics);
        assertEquals("c.yaml:2:6", diagnostics.sorted().get(0).at().toString(), diagnostics.sorted().toString());
    }

    /**
     * Work measured as bytes allocated by this thread, which does not depend on the machine's load:
     * four times the scalar costs about four times the work here, and about sixteen times with
     * snakeyaml's reader (the baseline, on smaller scalars to keep it quick).
     */
    @Test
    void workGrowsLinearlyWithTheLengthOfOneScalar() {
        double ours = allocated(4 << 20, WholeTextReader::new) / (double) allocated(1 << 20, WholeTextReader::new);
        double snakeyaml = allocated(512 << 10, StreamReader::new) / (double) allocated(128 << 10, StreamReader::new);
        assertTrue(snakeyaml > 10, "the baseline should be quadratic, ratio " + snakeyaml);
        assertTrue(ours < 6, "4x the scalar allocated " + ours + "x");
    }

    private static long allocated(int length, Function<String, StreamReader> reader) {
        String text = "description: " + "x".repeat(length) + "\n";
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        List<String> events = parse(text, reader);
        long used = bean.getCurrentThreadAllocatedBytes() - before;
        assertTrue(events.get(events.size() - 1).startsWith("<org.yaml.snakeyaml.events.StreamEndEvent"), events.toString());
        return used;
    }
}
