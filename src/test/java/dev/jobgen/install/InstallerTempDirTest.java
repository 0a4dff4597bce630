package dev.jobgen.install;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The installer contract on the real file system (real fsync, rename, symlinks). */
class InstallerTempDirTest extends InstallerContract {
    @TempDir
    Path tmp;

    @Override
    Path newRoot() {
        return tmp;
    }
}
