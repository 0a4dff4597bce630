package dev.jobgen.unitfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The production reader (what {@code jobgen notify} uses on the unit's {@code X-Jobgen*} keys) is
 * the inverse of the escaper: quoting and unquoting as one round trip. Hostile command lines go
 * through it in SystemdEscaperTest, beside the man-page reader.
 */
class SystemdWordsTest {
    @Test
    void specifiersAndVariablesAreUndoneOnce() {
        List<String> argv = List.of("/bin/sh", "-c", "echo $HOME %n $$ %% ${X}", "a;b", ";");
        assertEquals(argv, SystemdWords.commandLine(SystemdEscaper.commandLine(argv)));
    }

    @Test
    void textAndPathValuesComeBackExactly() {
        HostileStrings gen = new HostileStrings(17);
        int checked = 0;
        for (int n = 0; n < 5000; n++) {
            String value = gen.next().strip();
            // text shows control characters as visible escapes (not undone: systemd does not) and refuses line breaks
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || SystemdEscaper.problem(value).isPresent()) {
                continue;
            }
            assertEquals(value, SystemdWords.value(SystemdEscaper.text(value)), value);
            checked++;
        }
        assertEquals("/srv/100%/x%%y", SystemdWords.value(SystemdEscaper.path("/srv/100%/x%%y")));
        assertEquals(true, checked > 1000, "only " + checked + " printable values");
    }
}
