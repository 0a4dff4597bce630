package dev.jobgen.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTranslatorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0 2 * * *          | *-*-* 02:00:00",
        "*/15 * * * *       | *-*-* *:00,15,30,45:00",
        "1-30/5 9-17 * * *  | *-*-* 09..17:01,06,11,16,21,26:00",
        "0 0 1,15 * *       | *-*-01,15 00:00:00",
        "0 22 * * 1-5       | Mon..Fri *-*-* 22:00:00",
        "0 0 * * 6,0        | Sat,Sun *-*-* 00:00:00",
        "0 0 * * 0,1,3      | Mon,Wed,Sun *-*-* 00:00:00",
        "0 12 * jan,JUL *   | *-01,07-* 12:00:00",
        "0-59 0-23 1-31 1-12 0-7 | *-*-* *:*:00",
        // both day fields restricted: either matches, so two lines
        "30 4 1,15 * 5      | *-*-01,15 04:30:00 ; Fri *-*-* 04:30:00",
        "0 0 1 */3 mon      | *-01,04,07,10-01 00:00:00 ; Mon *-01,04,07,10-* 00:00:00",
        // a field starting with '*' is not a restriction: AND, one line
        "0 0 */2 * mon      | Mon *-*-01,03,05,07,09,11,13,15,17,19,21,23,25,27,29,31 00:00:00",
        "0 0 1-7 * */2      | Tue,Thu,Sat,Sun *-*-01..07 00:00:00",
        // one side of the OR covers every day
        "0 0 1-31 * 1       | *-*-* 00:00:00",
        "0 0 15 * 0-6       | *-*-* 00:00:00",
        "@yearly            | *-01-01 00:00:00",
        "@monthly           | *-*-01 00:00:00",
        "@weekly            | Sun *-*-* 00:00:00",
        "@midnight          | *-*-* 00:00:00",
        "@hourly            | *-*-* *:00:00",
    })
    void translates(String cron, String expected) throws CronException {
        CronTranslation t = CronTranslator.translate(CronExpression.parse(cron), Optional.empty());
        assertEquals(Arrays.asList(expected.split(" ; ")), onCalendar(t));
    }

    @Test
    void zoneIsAppendedToEveryLine() throws CronException {
        CronTranslation t = CronTranslator.translate(CronExpression.parse("0 9 1 * 5"), Optional.of(ZoneId.of("Europe/Berlin")));
        assertEquals(List.of("*-*-01 09:00:00 Europe/Berlin", "Fri *-*-* 09:00:00 Europe/Berlin"), onCalendar(t));
    }

    @Test
    void rebootAsksForOnBootSec() throws CronException {
        assertInstanceOf(CronTranslation.AtBoot.class, CronTranslator.translate(CronExpression.parse("@reboot"), Optional.empty()));
    }

    private static List<String> onCalendar(CronTranslation t) {
        return t.match(CronTranslation.Calendar::onCalendar, boot -> List.of("@boot"));
    }
}
