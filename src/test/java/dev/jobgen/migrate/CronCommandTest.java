package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronCommandTest {
    @Test
    void plainWordsWithAnAbsoluteProgramRunDirectly() {
        CronCommand c = CronCommand.of("/usr/bin/report --to 'Finance Team' \"Q1 2026\"");
        assertEquals(Optional.of(List.of("/usr/bin/report", "--to", "Finance Team", "Q1 2026")), c.argv());
        assertFalse(c.hasPercent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/bin/a | /bin/b", "/bin/a && /bin/b", "/bin/a > /tmp/log 2>&1", "/bin/echo $HOME", "/bin/rm /tmp/*.log",
        "/bin/echo \"$(date)\"", "FOO=1 /bin/a", "cd /srv && /bin/a", "python3 /opt/x.py", "bin/relative --flag",
        "/bin/a; /bin/b", "/bin/echo ~/x", "/bin/a # note"})
    void shellTextStaysAScript(String text) {
        CronCommand c = CronCommand.of(text);
        assertEquals(Optional.empty(), c.argv(), text);
        assertEquals(text, c.text());
    }

    @Test
    void escapedPercentIsALiteralPercent() {
        CronCommand c = CronCommand.of("/usr/bin/date +\\%Y-\\%m-\\%d");
        assertFalse(c.hasPercent());
        assertEquals("/usr/bin/date +%Y-%m-%d", c.text());
        assertEquals(Optional.of(List.of("/usr/bin/date", "+%Y-%m-%d")), c.argv());
    }

    @Test
    void barePercentCannotBeCarriedAndKeepsTheOriginalText() {
        CronCommand c = CronCommand.of("/usr/bin/mail -s hi root%line one%\\%two");
        assertTrue(c.hasPercent());
        assertEquals("/usr/bin/mail -s hi root%line one%\\%two", c.text());
        assertEquals(Optional.empty(), c.argv());
    }

    @Test
    void sequencesAreThoseThatContinueAfterAFailure() {
        assertTrue(CronCommand.of("a; b").hasSequence());
        assertTrue(CronCommand.of("cd /x; make").hasSequence());
        assertFalse(CronCommand.of("test -x /a || { cd / && b; }").hasSequence());
        assertFalse(CronCommand.of("echo 'a; b'").hasSequence());
        assertFalse(CronCommand.of("find . -exec rm {} \\;").hasSequence());
        assertFalse(CronCommand.of("a;").hasSequence());
    }

    @Test
    void relativeProgramsAreNamed() {
        assertEquals(Optional.of("./run.sh"), CronCommand.of("./run.sh --x").relativeProgram());
        assertEquals(Optional.of("bin/x"), CronCommand.of("bin/x|tee y").relativeProgram());
        assertEquals(Optional.empty(), CronCommand.of("/bin/x").relativeProgram());
        assertEquals(Optional.empty(), CronCommand.of("python3 x/y.py").relativeProgram());
        for (String home : List.of("${HOME}/bin/x", "$HOME/x", "~/x", "`pwd`/x")) {
            assertEquals(Optional.empty(), CronCommand.of(home).relativeProgram(), home);
        }
    }

    @Test
    void homeReferencesAreFound() {
        assertEquals(Optional.of("${HOME}"), CronCommand.of("${HOME}/bin/x --y").homeReference());
        assertEquals(Optional.of("$HOME"), CronCommand.of("cd $HOME && ./run").homeReference());
        assertEquals(Optional.of("~"), CronCommand.of("~/bin/backup.sh").homeReference());
        assertEquals(Optional.of("~"), CronCommand.of("/bin/tar -C ~ -czf x.tgz .").homeReference());
        assertEquals(Optional.of("~"), CronCommand.of("/bin/x --dir=~/data").homeReference());
        for (String none : List.of("/bin/x $HOMEDIR/a", "/bin/x a~/b", "/bin/x ~alice/y", "/usr/bin/backup")) {
            assertEquals(Optional.empty(), CronCommand.of(none).homeReference(), none);
        }
    }
}
