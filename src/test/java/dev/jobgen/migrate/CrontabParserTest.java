package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
