package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    @Test
    void fieldsAndStarFlags() throws CronException {
        CronExpression e = CronExpression.parse("  1-30/5 */6 */2 Jan,mar-MAY mon-fri ");
        assertEquals(List.of(new CronRange(1, 30, 5)), e.minute().ranges());
        assertEquals(bits(1, 6, 11, 16, 21, 26), e.minute().values());
        assertEquals(bits(0, 6, 12, 18), e.hour().values());
        assertTrue(e.dayOfMonth().starred());
        assertEquals(bits(1, 3, 4, 5), e.month().values());
        assertFalse(e.dayOfWeek().starred());
        assertEquals(bits(1, 2, 3, 4, 5), e.dayOfWeek().values());
    }

    @Test
    void sundayIsZeroAndSeven() throws CronException {
        assertEquals(bits(0), CronExpression.parse("0 0 * * 7").dayOfWeek().values());
        assertEquals(bits(0, 5, 6), CronExpression.parse("0 0 * * 5-7").dayOfWeek().values());
        assertTrue(CronExpression.parse("0 0 * * 0-7").dayOfWeek().isFull());
        assertTrue(CronExpression.parse("0 0 * * 1-7").dayOfWeek().isFull());
        assertFalse(CronExpression.parse("0 0 * * 1-6").dayOfWeek().isFull());
    }

    @Test
    void shortcutsExpandAsCronieDoes() throws CronException {
        assertEquals(CronExpression.parse("0 0 1 1 *").fields(), CronExpression.parse("@annually").fields());
        assertEquals(CronExpression.parse("0 0 * * 0").fields(), CronExpression.parse("@weekly").fields());
        assertEquals(CronExpression.parse("0 * * * *").fields(), CronExpression.parse("@hourly").fields());
        assertTrue(CronExpression.parse("@reboot").atReboot());
        assertEquals(List.of(), CronExpression.parse("@reboot").fields());
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', value = {
        "0 0 * *            | -1 | 7  | expected 5 fields",
        "0 0 * * * *        | -1 | 10 | expected 5 fields",
        "60 0 * * *         | 0  | 0  | minute: 60 is out of range 0-59",
        "0 24 * * *         | 1  | 2  | hour: 24 is out of range 0-23",
        "0 0 0 * *          | 2  | 4  | day-of-month: 0 is out of range 1-31",
        "0 0 * 13 *         | 3  | 6  | month: 13 is out of range 1-12",
        "0 0 * * 8          | 4  | 8  | day-of-week: 8 is out of range 0-7",
        "0 0 * foo *        | 3  | 6  | month: unknown name 'foo'",
        "0 0 * * monday     | 4  | 8  | day-of-week: unknown name 'monday'",
        "0 0 * * fri-sun    | 4  | 12 | day-of-week: range fri-sun runs backwards",
        "*/0 * * * *        | 0  | 2  | minute: step must be at least 1",
        "5/10 * * * *       | 0  | 1  | minute: a step needs '*' or a range",
        "0 1,,2 * * *       | 1  | 4  | hour: expected a value, found ','",
        "0 1, * * *         | 1  | 4  | hour: missing value",
        "0 x * * *          | 1  | 2  | hour: 'x' is not a number",
        "0 0 1-5x * *       | 2  | 7  | day-of-month: unexpected 'x'",
        "@daly              | -1 | 0  | unknown shortcut '@daly'",
        "''                 | -1 | 0  | empty cron expression",
    })
    void errorsNameTheFieldAndOffset(String text, int field, int index, String message) {
        CronException e = assertThrows(CronException.class, () -> CronExpression.parse(text));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(index, e.index(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static BitSet bits(int... values) {
        BitSet b = new BitSet();
        for (int v : values) {
            b.set(v);
        }
        return b;
    }
}
