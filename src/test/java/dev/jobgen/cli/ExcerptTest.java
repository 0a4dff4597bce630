package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Source excerpts stay short and their caret stays under the character it points at. */
class ExcerptTest {
    private static List<String> lines(String excerpt) {
        return excerpt.lines().toList();
    }

    @Test
    void aShortLineIsShownWholeWithItsControlCharactersEscaped() {
        assertEquals(List.of("    a:\\tb\\x01c", "        ^"), lines(Excerpt.sourceLine("a:\tb\u0001c", 4)));
    }

    @Test
    void aLongLineIsCutToAWindowAroundTheCaret() {
        String line = "description: " + "x".repeat(5_000_000) + "END";
        List<String> start = lines(Excerpt.sourceLine(line, 14));
        assertEquals("    description: " + "x".repeat(Excerpt.WINDOW - 13) + "...", start.get(0));
        assertEquals("    " + " ".repeat(13) + "^", start.get(1));

        List<String> end = lines(Excerpt.sourceLine(line, line.length() - 1));
        assertTrue(end.get(0).length() <= 4 + 3 + Excerpt.WINDOW, end.get(0));
        assertTrue(end.get(0).startsWith("    ...x") && end.get(0).endsWith("xEND"), end.get(0));
        assertEquals('N', end.get(0).charAt(end.get(1).length() - 1), "caret under the N of END");
    }

    @Test
    void theCaretCountsCodePointsAndEscapes() {
        String line = "\ud83d\ude00\t".repeat(100) + "!";
        List<String> shown = lines(Excerpt.sourceLine(line, 201));
        String text = shown.get(0);
        int caret = shown.get(1).length() - 1;
        assertEquals("!", new String(Character.toChars(text.codePointAt(text.offsetByCodePoints(0, caret)))), text);
    }

    @Test
    void aLongMessageIsCutAndItsControlCharactersEscaped() {
        assertEquals("'a\\x00b@c.d' is not an email address", Excerpt.message("'a\u0000b@c.d' is not an email address"));
        String cut = Excerpt.message("y".repeat(3_000_000));
        assertTrue(cut.length() < Excerpt.MAX_MESSAGE + 50 && cut.endsWith("(2999000 more characters)"), cut.substring(990));
    }
}
