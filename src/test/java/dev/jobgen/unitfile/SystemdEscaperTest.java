package dev.jobgen.unitfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.unitfile.SystemdEscaper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips through {@link ManPageCommandLine}, a reader written from the man pages. */
class SystemdEscaperTest {
    private static final String[] PROGRAMS = {"/bin/echo", "/opt/my app/run", "/srv/100%/job", "/srv/a$b/job", "/usr/bin/x-@:+!", "/bin//echo"};

    @Test
    void thousandsOfHostileArgvComeBackExactly() {
        HostileStrings gen = new HostileStrings(6);
        for (int n = 0; n < 5000; n++) {
            List<String> argv = new ArrayList<>();
            argv.add(PROGRAMS[gen.nextInt(PROGRAMS.length)]);
            int args = gen.nextInt(6);
            for (int i = 0; i < args; i++) {
                argv.add(gen.next());
            }
            String line = SystemdEscaper.commandLine(argv);
            assertSingleLine(line);
            ManPageCommandLine.Command parsed = ManPageCommandLine.command(line);
            assertEquals(argv, parsed.argv(), line);
            assertEquals(argv.get(0), parsed.path(), line);
            assertEquals(argv.get(0).contains("$") ? "@" : "", parsed.prefixes(), "no accidental prefix: " + line);
            assertEquals(argv, SystemdWords.commandLine(line), "jobgen notify's reader: " + line);
        }
    }

    @Test
    void thousandsOfHostileEnvironmentValuesComeBackExactly() {
        HostileStrings gen = new HostileStrings(7);
        for (int n = 0; n < 5000; n++) {
            String value = gen.next();
            String word = SystemdEscaper.environment("JOB_VALUE", value);
            assertSingleLine(word);
            assertEquals(List.of("JOB_VALUE=" + value), ManPageCommandLine.items(word), word);
        }
    }

    @Test
    void textNeverEndsOrContinuesTheLine() {
        HostileStrings gen = new HostileStrings(8);
        for (int n = 0; n < 5000; n++) {
            String value = gen.next();
            String text = SystemdEscaper.text(value);
            assertSingleLine(text);
            assertFalse(continuesLine("Description=" + text), text);
            String shown = ManPageCommandLine.specifiers(text.strip());
            if (value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                assertEquals(value.strip(), shown, "printable text is shown as written");
            }
        }
    }

    @Test
    void textShowsLineBreaksAsVisibleEscapesAndKeepsBackslashesLiteral() {
        assertEquals("two\\nlines, 100%% \\\"sure\\\" C:\\\\dir", SystemdEscaper.text("two\nlines, 100% \\\"sure\\\" C:\\\\dir"));
        assertEquals("ends with a backslash\\ ", SystemdEscaper.text("ends with a backslash\\"));
        assertEquals("even\\\\", SystemdEscaper.text("even\\\\"));
        assertEquals("trimmed", SystemdEscaper.text(" \t trimmed \r\n"));
    }

    @Test
    void wordsAreBareOnlyWhenPlain() {
        assertEquals("/bin/echo hello --flag=1 a,b", SystemdEscaper.commandLine(List.of("/bin/echo", "hello", "--flag=1", "a,b")));
        assertEquals("/bin/echo \"\" \\; \"a b\" \"100%%\" \"$$HOME\" \"tab\\there\" \"\u00e9\"",
                SystemdEscaper.commandLine(List.of("/bin/echo", "", ";", "a b", "100%", "$HOME", "tab\there", "\u00e9")));
        assertEquals("\"/opt/my app/run\"", SystemdEscaper.commandLine(List.of("/opt/my app/run")));
        assertEquals("@/srv/a$b/job \"/srv/a$$b/job\" x", SystemdEscaper.commandLine(List.of("/srv/a$b/job", "x")));
        assertEquals("\"A=$HOME %%n \\\"q\\\"\"", SystemdEscaper.environment("A", "$HOME %n \"q\""));
    }

    @Test
    void programsThatCannotBeWrittenAreRefused() {
        for (String program : new String[] {"echo", "-/bin/echo", "@/bin/echo", "", "/bin/", "/bin/it's", "/bin/a\\b", "/bin/a\nb", "/bin/\"x\""}) {
            assertTrue(SystemdEscaper.programProblem(program).isPresent(), program);
            assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.commandLine(List.of(program, "x")), program);
        }
        assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.commandLine(List.of()));
    }

    @Test
    void valuesThatCannotBeWrittenAreProblems() {
        assertTrue(SystemdEscaper.problem("a\0b").orElseThrow().contains("NUL"));
        assertTrue(SystemdEscaper.problem("lone \ud83d surrogate").orElseThrow().contains("surrogate"));
        assertTrue(SystemdEscaper.problem("x".repeat(SystemdEscaper.MAX_LINE_BYTES)).orElseThrow().contains("too long"));
        // escaping can make a value too long even when its raw length fits
        assertTrue(SystemdEscaper.problem("\n".repeat(SystemdEscaper.MAX_LINE_BYTES / 2)).isPresent());
        assertTrue(SystemdEscaper.problem("x".repeat(100_000) + "\ud83d\ude00").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.commandLine(List.of("/bin/echo", "a\0")));
        assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.text("a\0"));
        assertTrue(SystemdEscaper.lineProblem("ExecStart", "x".repeat(SystemdEscaper.MAX_LINE_BYTES)).isPresent());
        assertTrue(SystemdEscaper.lineProblem("ExecStart", "x".repeat(SystemdEscaper.MAX_LINE_BYTES - "ExecStart=".length())).isEmpty());
    }

    @Test
    void pathListItemsAreQuotedWhenTheyHaveBlanks() {
        assertEquals("\"/srv/my data/100%%\"", SystemdEscaper.pathListItem("/srv/my data/100%"));
        assertEquals(List.of("/srv/my data/100%"), ManPageCommandLine.items(SystemdEscaper.pathListItem("/srv/my data/100%")));
        assertEquals("/srv/data", SystemdEscaper.pathListItem("/srv/data"));
        for (String bad : new String[] {"/a\"b", "/a'b", "/a\\b", "relative", "/a\nb"}) {
            assertTrue(SystemdEscaper.pathListItemProblem(bad).isPresent(), bad);
            assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.pathListItem(bad), bad);
        }
    }

    @Test
    void olderSystemdRefusesMostControlCharactersInEnvironmentValues() {
        assertTrue(SystemdEscaper.environmentValueProblem("tab\tand\nnewline", 239).isEmpty());
        assertTrue(SystemdEscaper.environmentValueProblem("escape \u001b[1m", 247).orElseThrow().contains("before 248"));
        assertTrue(SystemdEscaper.environmentValueProblem("cr\r", 245).isPresent());
        assertTrue(SystemdEscaper.environmentValueProblem("escape \u001b[1m", 248).isEmpty());
        assertTrue(SystemdEscaper.environmentValueProblem("nul\0", 257).isPresent());
    }

    @Test
    void pathsAndNames() {
        assertEquals("/srv/100%%/data dir", SystemdEscaper.path("/srv/100%/data dir"));
        for (String bad : new String[] {"relative", "/a\nb", "/trailing ", "/ends\\", "/a/../b", "/a\tb"}) {
            assertTrue(SystemdEscaper.pathProblem(bad).isPresent(), bad);
            assertThrows(IllegalArgumentException.class, () -> SystemdEscaper.path(bad), bad);
        }
        for (String bad : new String[] {"", "1A", "A-B", "A B", "\u00e9"}) {
            assertTrue(SystemdEscaper.environmentNameProblem(bad).isPresent(), bad);
        }
        assertTrue(SystemdEscaper.environmentNameProblem("_a1").isEmpty());
    }

    private static void assertSingleLine(String value) {
        assertFalse(value.contains("\n") || value.contains("\r") || value.contains("\0"), value);
    }

    /** systemd's rule: a line whose last character is escaped by a backslash is continued. */
    static boolean continuesLine(String line) {
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            escaped = !escaped && line.charAt(i) == '\\';
        }
        return escaped;
    }
}
