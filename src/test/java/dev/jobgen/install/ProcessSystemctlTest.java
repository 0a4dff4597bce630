package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process implementation against a stand-in {@code systemctl} script that logs its arguments. */
class ProcessSystemctlTest {
    @TempDir
    Path dir;
    Path log;
    ProcessSystemctl systemctl;

    @BeforeEach
    void fakeSystemctl() throws IOException {
        log = dir.resolve("calls");
        Path script = dir.resolve("systemctl");
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "echo \"$*\" >> '" + log + "'",
                "case \"$1\" in",
                "  --version) echo 'systemd 252 (252.38-1~deb12u1)'; echo '+PAM +AUDIT';;",
                "  is-enabled) case \"$2\" in on.timer) echo enabled;; static.timer) echo static;;"
                        + " *) echo disabled; exit 1;; esac;;",
                "  is-active) [ \"$3\" = on.timer ];;",
                "  show) for u in \"$@\"; do case \"$u\" in stale.*) echo yes;; *.timer|*.service) echo no;; esac; done;;",
                "  enable) echo 'Failed to enable unit: Unit file x.timer does not exist.' >&2; exit 1;;",
                "esac", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        systemctl = new ProcessSystemctl(script.toString());
    }

    @Test
    void readsVersionAndState() throws IOException {
        assertEquals(252, systemctl.version());
        assertTrue(systemctl.isEnabled("on.timer"));
        assertFalse(systemctl.isEnabled("static.timer"), "only 'enabled' counts, not static");
        assertFalse(systemctl.isEnabled("off.timer"));
        assertTrue(systemctl.isActive("on.timer"));
        assertFalse(systemctl.isActive("off.timer"));
        assertFalse(systemctl.needsReload(List.of("a.timer", "b.service")));
        assertTrue(systemctl.needsReload(List.of("a.timer", "stale.service")));
        assertFalse(systemctl.needsReload(List.of()));
        assertTrue(Files.readAllLines(log).contains("show --property=NeedDaemonReload --value -- a.timer stale.service"));
    }

    @Test
    void runsActionsAndReportsFailuresWithTheirOutput() throws IOException {
        systemctl.run(SystemdAction.of("daemon-reload"));
        IOException e = assertThrows(IOException.class, () -> systemctl.run(SystemdAction.of("enable", "--now", "x.timer")));
        assertEquals("systemctl enable --now x.timer failed (exit 1): Failed to enable unit: Unit file x.timer does not exist.",
                e.getMessage());
        assertEquals(List.of("daemon-reload", "enable --now x.timer"), Files.readAllLines(log));
    }
}
