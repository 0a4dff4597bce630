package dev.jobgen.install;

import static dev.jobgen.install.Units.all;
import static dev.jobgen.install.Units.job;
import static dev.jobgen.install.Units.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemdActionsTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/");
    private final Path unitDir = new InstallLayout(root).unitDir();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private InstallReport install(Systemctl systemctl, InstallRequest req) throws IOException {
        return new Installer(new NioFileOps(), Optional.of(systemctl)).apply(req);
    }

    private static InstallRequest withEnabled(InstallRequest r, String... timers) {
        return new InstallRequest(r.root(), r.owner(), r.files(), Set.of(timers), r.adopt());
    }

    @Test
    void newTimersAreEnabledAndStartedAfterOneReload() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        InstallRequest req = request(root, "ops", all(job("backup", "daily"), job("report", "weekly")));
        InstallReport r = install(sd, req);
        List<String> expected = List.of("systemctl daemon-reload", "systemctl enable --now jobgen-backup.timer",
                "systemctl enable --now jobgen-report.timer");
        assertEquals(expected, sd.ran);
        assertEquals(expected, r.actions().stream().map(SystemdAction::toString).toList());

        InstallReport again = install(sd, req);
        assertEquals(List.of(), again.actions());
        assertFalse(again.changed());
        assertEquals(3, sd.ran.size(), "nothing ran the second time");
    }

    @Test
    void aStoppedTimerIsStartedAgainWithoutReload() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        InstallRequest req = request(root, "ops", job("backup", "daily"));
        install(sd, req);
        sd.active.remove("jobgen-backup.timer");
        InstallReport r = install(sd, req);
        assertEquals(List.of("systemctl start jobgen-backup.timer"), r.actions().stream().map(Object::toString).toList());
        assertTrue(r.changed());
    }

    @Test
    void suspendedTimersAreStoppedAndDisabledButKept() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        InstallRequest req = request(root, "ops", all(job("backup", "daily"), job("report", "weekly")));
        install(sd, req);
        sd.ran.clear();

        InstallReport r = install(sd, withEnabled(req, "jobgen-backup.timer"));

        assertEquals(List.of("systemctl disable --now jobgen-report.timer"), sd.ran);
        assertEquals(List.of(), r.written());
        assertTrue(r.changed());
        assertFalse(install(sd, withEnabled(req, "jobgen-backup.timer")).changed());
    }

    @Test
    void removedTimersAreStoppedAndCleanedWhileTheirFilesStillExist() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        install(sd, request(root, "ops", all(job("backup", "daily"), job("report", "weekly"))));
        sd.ran.clear();

        InstallReport r = install(sd, request(root, "ops", job("backup", "daily")));

        assertEquals(List.of("systemctl disable --now jobgen-report.timer", "systemctl clean --what=state jobgen-report.timer",
                "systemctl daemon-reload"), sd.ran);
        assertEquals(List.of(), sd.missingFileAt, "disable and clean need the unit file");
        assertEquals(List.of("jobgen-report.service", "jobgen-report.timer"), r.removed());
    }

    @Test
    void noStateCleaningBeforeSystemd243OrForNonPersistentTimers() throws IOException {
        RecordingSystemctl old = new RecordingSystemctl(242, unitDir);
        RenderedFile plain = Units.file("jobgen-plain.timer", "[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n");
        install(old, request(root, "ops", all(job("report", "weekly"), List.of(plain))));
        old.ran.clear();
        install(old, request(root, "ops", List.of()));
        assertEquals(List.of("systemctl disable --now jobgen-plain.timer", "systemctl disable --now jobgen-report.timer",
                "systemctl daemon-reload"), old.ran);
    }

    @Test
    void servicesAreNeverStartedStoppedOrRestarted() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        install(sd, request(root, "ops", all(job("backup", "daily"), job("report", "weekly"))));
        sd.active.add("jobgen-backup.service");
        install(sd, request(root, "ops", all(List.of(Units.service("backup", "/usr/local/bin/backup --v2")),
                List.of(job("backup", "daily").get(1)))));
        install(sd, request(root, "ops", List.of()));
        assertTrue(sd.ran.stream().noneMatch(a -> a.endsWith(".service")), sd.ran.toString());
    }

    @Test
    void checkReportsActionsWithoutRunningThem() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        InstallReport r = new Installer(new NioFileOps(), Optional.of(sd)).check(request(root, "ops", job("backup", "daily")));
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now jobgen-backup.timer"),
                r.actions().stream().map(Object::toString).toList());
        assertEquals(List.of(), sd.ran);
    }

    @Test
    void aFileChangedBehindSystemdsBackIsReloaded() throws IOException {
        RecordingSystemctl sd = new RecordingSystemctl(252, unitDir);
        InstallRequest req = request(root, "ops", job("backup", "daily"));
        install(sd, req);
        new Installer(new NioFileOps(), Optional.empty()).apply(request(root, "ops", job("backup", "hourly")));
        sd.ran.clear();

        InstallReport r = install(sd, request(root, "ops", job("backup", "hourly")));

        assertEquals(List.of("systemctl daemon-reload"), sd.ran, "files unchanged, but systemd has the old timer loaded");
        assertTrue(r.changed());
    }

    /**
     * A crash before any file operation of an install that changes, adds and removes timers; the
     * next install leaves systemd as an uninterrupted one would: nothing stale loaded, the right
     * timers enabled and running, the removed one stopped.
     */
    @Test
    void aCrashBeforeAnyFileOperationStillEndsWithSystemdInStep() throws IOException {
        InstallRequest start = request(root, "ops", all(job("backup", "daily"), job("report", "weekly")));
        InstallRequest next = request(root, "ops", all(job("backup", "hourly"), job("audit", "monthly")));
        FaultInjectingFileOps counting = new FaultInjectingFileOps(-1);
        RecordingSystemctl reference = new RecordingSystemctl(252, unitDir);
        install(reference, start);
        new Installer(counting, Optional.of(reference)).apply(next);
        int operations = counting.count();
        for (int crashAt = 0; crashAt < operations; crashAt++) {
            try (FileSystem fresh = Jimfs.newFileSystem(Configuration.unix())) {
                Path freshRoot = fresh.getPath("/");
                RecordingSystemctl sd = new RecordingSystemctl(252, new InstallLayout(freshRoot).unitDir());
                install(sd, withRoot(start, freshRoot));
                int at = crashAt;
                assertThrows(FaultInjectingFileOps.Crash.class,
                        () -> new Installer(new FaultInjectingFileOps(at), Optional.of(sd)).apply(withRoot(next, freshRoot)));
                install(sd, withRoot(next, freshRoot));
                String when = "after a crash before operation " + crashAt;
                assertFalse(sd.needsReload(List.of("jobgen-backup.service", "jobgen-backup.timer", "jobgen-audit.timer",
                        "jobgen-report.service", "jobgen-report.timer")), when);
                assertEquals(Set.of("jobgen-backup.timer", "jobgen-audit.timer"), sd.enabled, when);
                assertEquals(Set.of("jobgen-backup.timer", "jobgen-audit.timer"), sd.active, when);
                assertFalse(install(sd, withRoot(next, freshRoot)).changed(), when);
            }
        }
    }

    private static InstallRequest withRoot(InstallRequest r, Path root) {
        return new InstallRequest(root, r.owner(), r.files(), r.enabledTimers(), r.adopt());
    }
}
