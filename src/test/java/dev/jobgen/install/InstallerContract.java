package dev.jobgen.install;

import static dev.jobgen.install.Units.all;
import static dev.jobgen.install.Units.job;
import static dev.jobgen.install.Units.notifyTemplate;
import static dev.jobgen.install.Units.read;
import static dev.jobgen.install.Units.request;
import static dev.jobgen.install.Units.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The installer's behaviour, run once on jimfs and once on a real temp dir (see the subclasses). */
abstract class InstallerContract {
    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);
    Path root;
    Path units;
    Path manifests;

    /** A fresh, empty directory to install into. */
    abstract Path newRoot() throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        root = newRoot();
        InstallLayout layout = new InstallLayout(root);
        units = layout.unitDir();
        manifests = layout.manifestDir();
    }

    InstallReport install(InstallRequest req) throws IOException {
        return new Installer(new NioFileOps(), Optional.empty()).apply(req);
    }

    InstallReport check(InstallRequest req) throws IOException {
        return new Installer(new NioFileOps(), Optional.empty()).check(req);
    }

    @Test
    void firstInstallWritesEveryUnitAndTheManifest() throws IOException {
        List<RenderedFile> files = all(job("backup", "daily"), List.of(notifyTemplate()));
        InstallReport r = install(request(root, "ops", files));
        assertTrue(r.changed());
        assertEquals(List.of("jobgen-backup.service", "jobgen-backup.timer", "jobgen-notify@.service"), r.written());
        assertEquals(List.of(), r.unchanged());
        for (RenderedFile f : files) {
            assertEquals(new String(f.content(), java.nio.charset.StandardCharsets.UTF_8), read(units.resolve(f.name())));
        }
        assertEquals("# jobgen install manifest v1\n"
                + "# units under etc/systemd/system owned by catalogue 'ops'; written by jobgen install, do not edit\n"
                + "jobgen-backup.service\njobgen-backup.timer\njobgen-notify@.service\n",
                read(manifests.resolve("ops.manifest")));
    }

    @Test
    void secondInstallTouchesNothing() throws IOException {
        InstallRequest req = request(root, "ops", all(job("backup", "daily"), job("report", "weekly")));
        install(req);
        for (String name : List.of("jobgen-backup.service", "jobgen-report.timer")) {
            Files.setLastModifiedTime(units.resolve(name), LONG_AGO);
        }
        Files.setLastModifiedTime(manifests.resolve("ops.manifest"), LONG_AGO);
        Map<String, String> before = snapshot(root);

        FaultInjectingFileOps counting = new FaultInjectingFileOps(-1);
        InstallReport r = new Installer(counting, Optional.empty()).apply(req);

        assertFalse(r.changed());
        assertEquals(List.of(), r.written());
        assertEquals(List.of(), r.removed());
        assertEquals(4, r.unchanged().size());
        assertEquals(0, counting.count(), "no mutating file operation on an unchanged install");
        assertEquals(before, snapshot(root));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(units.resolve("jobgen-backup.service")));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(units.resolve("jobgen-report.timer")));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(manifests.resolve("ops.manifest")));
    }

    @Test
    void handEditedOrDeletedUnitsAreRestored() throws IOException {
        InstallRequest req = request(root, "ops", job("backup", "daily"));
        install(req);
        Map<String, String> installed = snapshot(root);
        Units.write(units.resolve("jobgen-backup.service"), "[Service]\nExecStart=/bin/true\n");
        Files.delete(units.resolve("jobgen-backup.timer"));

        InstallReport r = install(req);

        assertEquals(List.of("jobgen-backup.service", "jobgen-backup.timer"), r.written());
        assertEquals(installed, snapshot(root));
        assertTrue(r.changes().get(0).before().isPresent(), "the edited file's old bytes are kept for --diff");
        assertTrue(r.changes().get(1).before().isEmpty());
    }

    @Test
    void changedUnitIsReplacedAndOthersStay() throws IOException {
        install(request(root, "ops", all(job("backup", "daily"), job("report", "weekly"))));
        Files.setLastModifiedTime(units.resolve("jobgen-report.timer"), LONG_AGO);
        InstallReport r = install(request(root, "ops", all(job("backup", "hourly"), job("report", "weekly"))));
        assertEquals(List.of("jobgen-backup.timer"), r.written());
        assertTrue(read(units.resolve("jobgen-backup.timer")).contains("OnCalendar=hourly\n"));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(units.resolve("jobgen-report.timer")));
    }

    @Test
    void removedJobsArePrunedAndTheManifestShrinks() throws IOException {
        install(request(root, "ops", all(job("backup", "daily"), job("report", "weekly"))));
        InstallReport r = install(request(root, "ops", job("backup", "daily")));
        assertEquals(List.of("jobgen-report.service", "jobgen-report.timer"), r.removed());
        assertTrue(r.changed());
        assertFalse(Files.exists(units.resolve("jobgen-report.service")));
        assertFalse(Files.exists(units.resolve("jobgen-report.timer")));
        assertTrue(read(manifests.resolve("ops.manifest")).endsWith("\njobgen-backup.service\njobgen-backup.timer\n"));

        InstallReport none = install(request(root, "ops", List.of()));
        assertEquals(List.of("jobgen-backup.service", "jobgen-backup.timer"), none.removed());
        assertFalse(Files.exists(manifests.resolve("ops.manifest")), "an owner with no units has no manifest");
        assertEquals(Map.of(), snapshot(root));
    }

    @Test
    void aForeignUnitIsNeverOverwrittenUnlessAdopted() throws IOException {
        Units.write(units.resolve("jobgen-backup.service"), "# written by hand\n");
        Map<String, String> before = snapshot(root);
        InstallRequest req = request(root, "ops", job("backup", "daily"));

        InstallConflictException e = assertThrows(InstallConflictException.class, () -> install(req));

        assertTrue(e.getMessage().contains("refusing to overwrite " + units.resolve("jobgen-backup.service")
                + ": it was not installed by catalogue 'ops'"), e.getMessage());
        assertTrue(e.getMessage().contains("--adopt"), e.getMessage());
        assertEquals(before, snapshot(root), "a refused install changes nothing");
        assertThrows(InstallConflictException.class, () -> check(req));

        InstallReport adopted = install(new InstallRequest(root, "ops", req.files(), req.enabledTimers(), true));
        assertEquals(List.of("jobgen-backup.service", "jobgen-backup.timer"), adopted.written());
        assertFalse(install(req).changed(), "once adopted, the unit is the owner's own");
    }

    @Test
    void anIdenticalUnownedFileStillNeedsAdoption() throws IOException {
        RenderedFile service = job("backup", "daily").get(0);
        Units.write(units.resolve(service.name()), new String(service.content(), java.nio.charset.StandardCharsets.UTF_8));
        InstallConflictException e = assertThrows(InstallConflictException.class,
                () -> install(request(root, "ops", job("backup", "daily"))));
        assertTrue(e.getMessage().contains("identical content"), e.getMessage());
    }

    @Test
    void aMaskedUnitIsNotReplaced() throws IOException {
        Files.createDirectories(units);
        Files.createSymbolicLink(units.resolve("jobgen-backup.timer"), root.getFileSystem().getPath("/dev/null"));
        InstallConflictException e = assertThrows(InstallConflictException.class,
                () -> install(request(root, "ops", job("backup", "daily"))));
        assertTrue(e.getMessage().contains("jobgen-backup.timer: it is a symlink"), e.getMessage());
        assertTrue(Files.isSymbolicLink(units.resolve("jobgen-backup.timer")));
    }

    @Test
    void twoCataloguesSideBySide() throws IOException {
        install(request(root, "web", all(job("rotate", "daily"), List.of(notifyTemplate()))));
        install(request(root, "db", all(job("vacuum", "weekly"), List.of(notifyTemplate()))));
        assertTrue(read(manifests.resolve("db.manifest")).contains("jobgen-notify@.service"),
                "an identical template is shared, not a conflict");

        InstallConflictException e = assertThrows(InstallConflictException.class,
                () -> install(request(root, "db", all(job("vacuum", "weekly"), job("rotate", "hourly")))));
        assertTrue(e.getMessage().contains("jobgen-rotate.timer: it is owned by catalogue 'web'"), e.getMessage());
        assertTrue(e.getMessage().contains("jobgen-rotate.service: it is owned by catalogue 'web'"),
                "identical job units are not shared, only templates: " + e.getMessage());

        InstallReport webGone = install(request(root, "web", List.of()));
        assertEquals(List.of("jobgen-rotate.service", "jobgen-rotate.timer"), webGone.removed(),
                "the shared template stays while 'db' still has it");
        assertTrue(Files.exists(units.resolve("jobgen-notify@.service")));
        assertTrue(Files.exists(units.resolve("jobgen-vacuum.timer")));

        InstallReport dbPlain = install(request(root, "db", job("vacuum", "weekly")));
        assertEquals(List.of("jobgen-notify@.service"), dbPlain.removed(), "the last owner removes it");
    }

    /**
     * Two catalogues add and drop their on-failure job (so the template) in every order of four
     * toggles, once with templates of the same bytes and once with different ones (owners on two
     * jobgen versions): every install succeeds and the template is on disk exactly while the
     * units of some owner refer to it.
     */
    @Test
    void aSharedTemplateExistsExactlyWhileSomeCatalogueNeedsIt() throws IOException {
        String[] owners = {"web", "db"};
        for (boolean sameBytes : List.of(true, false)) {
            for (int order = 0; order < 16; order++) {
                reset(Map.of());
                boolean[] alerting = new boolean[2];
                StringBuilder steps = new StringBuilder(sameBytes ? "same bytes:" : "different bytes:");
                for (int step = 0; step < 4; step++) {
                    int who = (order >> step) & 1;
                    alerting[who] = !alerting[who];
                    steps.append(' ').append(owners[who]).append(alerting[who] ? "+" : "-");
                    List<RenderedFile> files = new java.util.ArrayList<>(job(owners[who] + "-job", "daily"));
                    if (alerting[who]) {
                        files.add(sameBytes || who == 0 ? notifyTemplate()
                                : Units.file("jobgen-notify@.service", "[Service]\nExecStart=/usr/bin/jobgen notify %i\n"));
                    }
                    install(request(root, owners[who], files));
                    assertEquals(alerting[0] || alerting[1], Files.exists(units.resolve("jobgen-notify@.service")), steps.toString());
                    for (int o = 0; o < 2; o++) {
                        assertEquals(alerting[o], Files.exists(manifests.resolve(owners[o] + ".manifest"))
                                && read(manifests.resolve(owners[o] + ".manifest")).contains("jobgen-notify@.service\n"),
                                steps + ": " + owners[o] + " lists the template exactly while it needs it");
                    }
                }
            }
        }
    }

    @Test
    void adoptingNeverTakesASharedTemplateAwayFromItsOtherOwners() throws IOException {
        install(request(root, "web", all(job("rotate", "daily"), List.of(notifyTemplate()))));
        RenderedFile newer = Units.file("jobgen-notify@.service", "[Service]\nExecStart=/usr/bin/jobgen notify %i\n");
        List<RenderedFile> db = all(job("vacuum", "weekly"), List.of(newer));
        install(new InstallRequest(root, "db", db, Set.of("jobgen-vacuum.timer"), true));
        assertTrue(read(manifests.resolve("web.manifest")).contains("jobgen-notify@.service"), "'web' still needs it");

        install(request(root, "db", job("vacuum", "weekly")));
        assertTrue(Files.exists(units.resolve("jobgen-notify@.service")), "'web' still refers to the template");
        install(request(root, "web", job("rotate", "daily")));
        assertFalse(Files.exists(units.resolve("jobgen-notify@.service")), "nobody refers to it any more");
    }

    @Test
    void adoptingFromAnotherCatalogueMovesOwnership() throws IOException {
        install(request(root, "web", job("rotate", "daily")));
        List<RenderedFile> moved = job("rotate", "hourly");
        install(new InstallRequest(root, "db", moved, Set.of("jobgen-rotate.timer"), true));
        assertFalse(Files.exists(manifests.resolve("web.manifest")), "'web' no longer owns anything");
        assertTrue(read(manifests.resolve("db.manifest")).contains("jobgen-rotate.timer"));
        assertTrue(read(manifests.resolve("db.manifest")).contains("jobgen-rotate.service"));
        assertEquals(List.of(), install(request(root, "web", List.of())).removed());
        assertTrue(Files.exists(units.resolve("jobgen-rotate.timer")));
        assertTrue(Files.exists(units.resolve("jobgen-rotate.service")));
        assertFalse(install(request(root, "db", moved)).changed());
    }

    @Test
    void checkChangesNothingAndPredictsTheInstall() throws IOException {
        install(request(root, "ops", all(job("backup", "daily"), job("report", "weekly"))));
        Units.write(units.resolve("jobgen-backup.service"), "drift\n");
        InstallRequest next = request(root, "ops", all(job("backup", "daily"), job("audit", "monthly")));
        Map<String, String> before = snapshot(root);

        InstallReport predicted = check(next);

        assertEquals(before, snapshot(root));
        InstallReport done = install(next);
        assertTrue(predicted.changed());
        assertEquals(done.written(), predicted.written());
        assertEquals(done.removed(), predicted.removed());
        assertEquals(done.unchanged(), predicted.unchanged());
        assertFalse(check(next).changed());
    }

    @Test
    void checkOnAnEmptyRootCreatesNothing() throws IOException {
        InstallReport r = check(request(root, "ops", job("backup", "daily")));
        assertTrue(r.changed());
        assertEquals(2, r.written().size());
        try (var s = Files.list(root)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void tempFilesLeftByACrashAreCleanedUp() throws IOException {
        InstallRequest req = request(root, "ops", job("backup", "daily"));
        install(req);
        Units.write(units.resolve(".jobgen-backup.service.jobgen-new"), "half a unit");
        Units.write(manifests.resolve(".ops.manifest.jobgen-new"), "half a manifest");
        InstallReport r = install(req);
        assertTrue(r.changed());
        assertEquals(List.of(), r.written());
        assertFalse(Files.exists(units.resolve(".jobgen-backup.service.jobgen-new")));
        assertFalse(Files.exists(manifests.resolve(".ops.manifest.jobgen-new")));
    }

    /**
     * From a messy start (drift, a job to remove, a job to add, a changed unit, a second owner, a
     * foreign file), the install is cut short before each of its mutating operations in turn. After
     * every crash each unit is whole (old bytes or new bytes), and the next install repairs
     * everything: the disk equals that of an install that never crashed, and a further install
     * changes nothing.
     */
    @Test
    void aCrashBetweenAnyTwoOperationsIsRepairedByTheNextInstall() throws IOException {
        Map<String, String> start = messyStart();
        InstallRequest next = request(root, "ops", all(job("backup", "hourly"), job("audit", "monthly"),
                List.of(notifyTemplate())));
        FaultInjectingFileOps counting = new FaultInjectingFileOps(-1);
        new Installer(counting, Optional.empty()).apply(next);
        Map<String, String> finished = snapshot(root);
        int operations = counting.count();
        assertTrue(operations >= 10, "the scenario exercises writes, renames, deletes and syncs: " + operations);

        for (int crashAt = 0; crashAt < operations; crashAt++) {
            reset(start);
            int at = crashAt;
            assertThrows(FaultInjectingFileOps.Crash.class,
                    () -> new Installer(new FaultInjectingFileOps(at), Optional.empty()).apply(next));
            assertEveryUnitWhole(start, finished, "crash before operation " + crashAt);

            InstallReport repair = install(next);
            assertEquals(finished, snapshot(root), "repair after a crash before operation " + crashAt);
            assertTrue(repair.changed() || crashAt == operations - 1, "repair reports its work");
            assertFalse(install(next).changed(), "stable after repairing crash " + crashAt);
        }
    }

    private Map<String, String> messyStart() throws IOException {
        install(request(root, "ops", all(job("backup", "daily"), job("report", "weekly"), List.of(notifyTemplate()))));
        install(request(root, "other", job("billing", "monthly")));
        Units.write(units.resolve("jobgen-report.service"), "hand edit\n");
        Units.write(units.resolve("custom.service"), "[Service]\nExecStart=/bin/true\n");
        return snapshot(root);
    }

    private void reset(Map<String, String> state) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(root) && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
        state.forEach((rel, text) -> Units.write(root.resolve(rel), text));
    }

    private void assertEveryUnitWhole(Map<String, String> start, Map<String, String> finished, String when) {
        snapshot(root).forEach((rel, text) -> {
            if (InstallLayout.isTemp(root.resolve(rel).getFileName().toString())) {
                return;
            }
            if (rel.startsWith("var/lib/jobgen/installed/")) {
                // a manifest may also hold the intent (old and new units); it must still be whole
                assertTrue(text.startsWith("# jobgen install manifest v1\n") && text.endsWith("\n"), when + ": " + rel);
                return;
            }
            boolean whole = text.equals(start.get(rel)) || text.equals(finished.get(rel));
            assertTrue(whole, when + ": " + rel + " is neither its old nor its new content:\n" + text);
        });
    }
}
