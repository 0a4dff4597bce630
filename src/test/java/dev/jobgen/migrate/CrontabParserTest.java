package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CrontabParserTest {
    @Test
    void environmentAppliesToTheLinesAfterIt() {
        String text = String.join("\n",
                "A=1",
                "0 1 * * * /bin/first",
                " B = 'two words' ",
                "A=\"3\"",
                "0 2 * * * /bin/second",
                "");
        List<CrontabEntry> entries = CrontabParser.parse("f", text, false).entries();
        assertEquals(Map.of("A", "1"), entries.get(0).environment());
        assertEquals(new TreeMap<>(Map.of("A", "3", "B", "two words")), entries.get(1).environment());
        assertEquals(5, entries.get(1).line());
    }

    @Test
    void commentsDirectlyAboveDescribeTheLine() {
        String text = String.join("\n",
                "# header, separated by a blank line",
                "",
                "# first part",
                "## second part",
                "#0 3 * * * /bin/old",
                "# describes x",
                "*/5 * * * * /bin/x",
                "# not above y: an assignment intervenes",
                "V=1",
                "@daily /bin/y");
        List<CrontabEntry> entries = CrontabParser.parse("f", text, false).entries();
        assertEquals(List.of("describes x"), entries.get(0).comments());
        assertEquals(List.of(), entries.get(1).comments());
        assertEquals("@daily", entries.get(1).schedule());
    }

    @Test
    void aCommentedOutShortcutLineDescribesNothing() {
        String text = String.join("\n", "# rotate logs", "#@weekly /bin/old-rotate", "@daily /bin/rotate",
                "# @sometimes is prose, not a job", "@hourly /bin/z");
        List<CrontabEntry> entries = CrontabParser.parse("f", text, false).entries();
        assertEquals(List.of(), entries.get(0).comments());
        assertEquals(List.of("@sometimes is prose, not a job"), entries.get(1).comments());
    }

    @Test
    void userFieldAndCommandAreSplitOnBlanks() {
        CrontabEntry e = CrontabParser.parse("f", "-0  2\t* * mon\troot   /bin/a  b  \n", true).entries().get(0);
        assertEquals("0 2 * * mon", e.schedule());
        assertEquals(Optional.of("root"), e.user());
        assertEquals("/bin/a  b", e.command());
    }

    @Test
    void badLinesAreErrorsWithTheirLineNumber() {
        CrontabParser.Parsed p = CrontabParser.parse("tab", "0 2 * * *\n61 * * * * /bin/x\n@daily\n", false);
        assertEquals(List.of(), p.entries());
        assertEquals(List.of(
                "tab:1: error: missing command after the schedule",
                "tab:2: error: invalid cron schedule '61 * * * *': minute: 61 is out of range 0-59",
                "tab:3: error: missing command after the schedule"),
                p.messages().stream().map(ImportMessage::format).toList());
    }

    @Test
    void legendsAndDisabledJobsAreNotDescriptions() {
        String text = String.join("\n",
                "# Edit this file to introduce tasks to be run by cron.",
                "# m h  dom mon dow   command",
                "0 1 * * * /bin/a",
                "# do daily/weekly/monthly maintenance",
                "# min\thour\tday\tmonth\tweekday\tcommand",
                "*/15 * * * * /bin/b",
                "# Example of job definition:",
                "# .---------------- minute (0 - 59)",
                "# |  .------------- hour (0 - 23)",
                "# |  |  |  |  |",
                "# *  *  *  *  * user-name command to be executed",
                "0 2 * * * /bin/c",
                "# atrun is off",
                "#0/15\t*\t*\t*\t*\t/usr/libexec/atrun",
                "0 3 * * * /bin/d",
                "#!/bin/bash",
                "0 4 * * * /bin/e",
                "# 5 minutes past the hour: rotate",
                "5 * * * * /bin/f");
        List<CrontabEntry> entries = CrontabParser.parse("f", text, false).entries();
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of("5 minutes past the hour: rotate")),
                entries.stream().map(CrontabEntry::comments).toList());
    }

    @Test
    void legendDetectionLeavesProseAlone() {
        for (String legend : List.of("m h dom mon dow user\tcommand", "minute\thour\tmday\tmonth\twday\twho\tcommand",
                "mn hr  dom mon dow  cmd", "min hour day month weekday  command", ".---- day of week (0 - 6)")) {
            assertTrue(CrontabParser.isLegend(legend), legend);
        }
        for (String prose : List.of("rotate logs every hour", "day of the month report", "hour by hour, day by day, month end",
                "| pipes in prose are fine")) {
            assertFalse(CrontabParser.isLegend(prose), prose);
        }
    }

    @Test
    void aScheduleFieldTooManyIsAnErrorNotAUser() {
        CrontabParser.Parsed p = CrontabParser.parse("planet.cron", "10 4 * * * * planet-user /usr/sbin/run\n", true);
        assertEquals(List.of(), p.entries());
        assertEquals(List.of("planet.cron:1: error: '*' is not a user name; cron refuses this line (one schedule field too"
                        + " many? the fields here are: minute hour day-of-month month day-of-week user command)"),
                p.messages().stream().map(ImportMessage::format).toList());
    }
}
