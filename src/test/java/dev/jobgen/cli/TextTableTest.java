package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsAreAsWideAsTheirWidestCellAndTheLastIsNotPadded() {
        String table = new TextTable("JOB", "STATUS", "NOTES")
                .row("a-very-long-job-name", "OK", "")
                .row("b", "FAILING-FOR-LONG", "3 consecutive failures")
                .render();
        assertEquals("""
                JOB                   STATUS            NOTES
                a-very-long-job-name  OK
                b                     FAILING-FOR-LONG  3 consecutive failures
                """, table);
    }

    @Test
    void numbersCanBeRightAligned() {
        assertEquals("N       EXIT  WHO\nfirst      0  a\nsecond   127  b\n",
                new TextTable("N", "EXIT", "WHO").alignRight(1).row("first", "0", "a").row("second", "127", "b").render());
    }

    @Test
    void aLineBreakOrTabInAValueCannotBreakTheGrid() {
        String table = new TextTable("A", "B").row("x\ny", "1\t2").row("zz", "3").render();
        assertEquals("A    B\nx y  1 2\nzz   3\n", table);
    }

    @Test
    void widthsCountCharactersNotUtf16Units() {
        assertEquals("A   B\n\uD83D\uDE00\uD83D\uDE00  x\n", new TextTable("A", "B").row("\uD83D\uDE00\uD83D\uDE00", "x").render());
    }

    @Test
    void aRowOfTheWrongWidthIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }
}
