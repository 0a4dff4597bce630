package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our own error messages and positions (systemd only says "Invalid argument"). */
class TimeSpanTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5x          | 1 | unknown unit 'x'",
        "1h 30Sec    | 5 | unknown unit 'Sec'",
        "bogus       | 0 | unexpected 'b'",
        "-5s         | 0 | negative",
        "5s -1       | 3 | negative",
        "3.s         | 1 | decimal point",
        "1.5.5       | 3 | unknown unit '.'",
        "infinity 5  | 9 | nothing may follow 'infinity'",
        "'   '       | 3 | empty time span",
        "584542y     | 0 | number too large",
        "9223372036854775808us | 0 | number too large",
        "584541y 2y  | 8 | time span too large",
    })
    void rejectsWithPositionAndReason(String span, int index, String reason) {
        TimeSpanException e = assertThrows(TimeSpanException.class, () -> TimeSpan.parse(span));
        assertEquals(index, e.index(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1h30m                        | 5400000000           | 1h 30min",
        "infinity                     | 18446744073709551615 | infinity",
        "9223372036854775807us 9223372036854775807us | 18446744073709551614 | 584542y 2w 2d 20h 1min 49.551614s",
        // 584542y alone is out of range (the count is checked against the unit), in two parts it is not
        "584541y 1y                   | 18446742619200000000 | 584542y",
        "1.000000000001y              | 31557600000031       | 1y 31us",
    })
    void acceptsTheExtremes(String span, String usec, String human) throws TimeSpanException {
        TimeSpan parsed = TimeSpan.parse(span);
        assertEquals(usec, parsed.usecString());
        assertEquals(human, parsed.normalized());
    }
}
