package dev.jobgen.install;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The installer contract on an in-memory Unix file system. */
class InstallerJimfsTest extends InstallerContract {
    private FileSystem fs;

    @Override
    Path newRoot() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        return Files.createDirectories(fs.getPath("/node"));
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }
}
