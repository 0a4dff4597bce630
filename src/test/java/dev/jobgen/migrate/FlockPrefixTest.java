package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlockPrefixTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "flock -n /var/lock/x.lock /usr/bin/x --y => /var/lock/x.lock => /usr/bin/x --y",
        "/usr/bin/flock -xn /tmp/a /usr/bin/a => /tmp/a => /usr/bin/a",
        "flock --nonblock --exclusive /run/b.lck /bin/b => /run/b.lck => /bin/b",
        "flock -x -n /run/c /bin/c | tee /tmp/log => /run/c => /bin/c | tee /tmp/log",
        "flock -n /run/d -c '/bin/d && /bin/e' => /run/d => /bin/d && /bin/e",
        "flock -n /run/e -c \"/bin/e --all\" => /run/e => /bin/e --all",
    })
    void nonBlockingPrefixesAreRecognised(String command, String file, String rest) {
        assertEquals(Optional.of(new FlockPrefix(file, rest)), FlockPrefix.parse(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "flock /var/lock/x /bin/x",            // blocking: waits, which lock: node with on-busy: skip would not
        "flock -w 10 /var/lock/x /bin/x",      // a timeout we do not model
        "flock -n /run/d -c \"$CMD\"",          // the command is an expansion
        "flock -n /run/d -o /bin/x",            // an option we do not know
        "/usr/bin/x flock -n /a /b",
    })
    void otherFormsAreLeftAlone(String command) {
        assertEquals(Optional.empty(), FlockPrefix.parse(command));
    }

    @ParameterizedTest
    @CsvSource({"/var/lock/db-backup.lock, db-backup", "/run/lock/Invoices.LCK, invoices-lck", "/tmp/x y, x-y", "/tmp/.lock, lock"})
    void groupNamesComeFromTheFileName(String file, String group) {
        assertEquals(group, new FlockPrefix(file, "").groupName());
    }
}
