package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install does not trust its own state directory: a manifest line that is a path, a link or FIFO
 * where the lock file goes, or a link in place of the directory changes nothing outside the unit
 * directory. On the real file system, where links and FIFOs behave as they do on a node.
 */
class InstallerHostileStateTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    @TempDir
    Path tmp;
    private Path root;
    private Path state;
    private Path outside;
    private final Installer installer = new Installer(new NioFileOps(), Optional.empty());

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        state = new InstallLayout(root).manifestDir();
        Files.createDirectories(state);
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    private InstallRequest request() {
        return Units.request(root, "ops", Units.job("backup", "daily"));
    }

    @Test
    void aManifestLineThatIsAPathIsRefusedAndNothingIsDeleted() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.service"), "precious");
        Files.writeString(state.resolve("ops.manifest"), "# jobgen install manifest v1\n../../../../outside/victim.service\n");
        IOException e = assertThrows(IOException.class, () -> installer.apply(Units.request(root, "ops", Units.job("other", "daily"))));
        assertTrue(e.getMessage().contains("ops.manifest: line 2 is not a unit file name: '../../../../outside/victim.service'"), e.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.exists(new InstallLayout(root).unitDir().resolve("jobgen-other.service")), "nothing was installed");
        // another owner's manifest is read too, and refused the same way
        Files.delete(state.resolve("ops.manifest"));
        Files.writeString(state.resolve("web.manifest"), "jobgen-web.service\n.hidden.service\n");
        assertThrows(IOException.class, () -> installer.check(request()));
    }

    @Test
    void aLockFileThatIsASymlinkIsNeitherFollowedNorCreated() throws IOException {
        Path target = outside.resolve("created-through-the-link");
        Files.createSymbolicLink(state.resolve(".lock"), target);
        IOException e = assertThrows(IOException.class, () -> installer.apply(request()));
        assertTrue(e.getMessage().endsWith(".lock: the install lock is a symbolic link; jobgen never follows or waits on one there:"
                + " remove it after checking who made it"), e.getMessage());
        assertFalse(Files.exists(target), "install created a file through the link");
        assertThrows(IOException.class, () -> installer.check(request()));
    }

    @Test
    void aLockFileThatIsASymlinkToARootFileLeavesItAlone() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret"), "s", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(state.resolve(".lock"), secret);
        assertThrows(IOException.class, () -> installer.apply(request()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals("s", Files.readString(secret));
    }

    @Test
    void aFifoAtTheLockIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = state.resolve(".lock");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        assertThrows(IOException.class, () -> assertTimeoutPreemptively(BOUND, () -> installer.apply(request())));
        assertThrows(IOException.class, () -> assertTimeoutPreemptively(BOUND, () -> installer.check(request())));
    }

    @Test
    void aManifestThatIsASymlinkIsNotRead() throws IOException {
        Path fake = Files.writeString(outside.resolve("fake.manifest"), "jobgen-backup.service\njobgen-backup.timer\n");
        Files.createSymbolicLink(state.resolve("web.manifest"), fake);
        InstallReport report = installer.apply(request());
        assertTrue(report.toString().contains("jobgen-backup.service"), report.toString());
        assertTrue(Files.isSymbolicLink(state.resolve("web.manifest")));
    }

    @Test
    void aStateDirectoryThatIsASymlinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(outside.resolve("state"));
        Files.delete(state);
        Files.createSymbolicLink(state, elsewhere);
        IOException e = assertThrows(IOException.class, () -> installer.apply(request()));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing written through the link");
        }
    }
}
