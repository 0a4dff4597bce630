package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer contract on the real file system (real fsync, rename, symlinks). */
class InstallerTempDirTest extends InstallerContract {
    @TempDir
    Path tmp;

    @Override
    Path newRoot() {
        return tmp;
    }

    @Test
    void unitsAndManifestsAreWorldReadableWhateverTheOldMode() throws IOException {
        InstallRequest req = Units.request(root, "ops", Units.job("backup", "daily"));
        Units.write(units.resolve("jobgen-backup.timer"), "old");
        Files.setPosixFilePermissions(units.resolve("jobgen-backup.timer"), PosixFilePermissions.fromString("rw-------"));
        new Installer(new NioFileOps(), Optional.empty()).apply(new InstallRequest(root, "ops", req.files(),
                req.enabledTimers(), true));
        for (Path p : new Path[] {units.resolve("jobgen-backup.timer"), units.resolve("jobgen-backup.service"),
                manifests.resolve("ops.manifest")}) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
