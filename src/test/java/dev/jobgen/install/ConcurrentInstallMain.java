package dev.jobgen.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Run as a separate JVM by {@link ConcurrentInstallTest}: ROOT TRACE OWNER installs jobs OWNER-0..9. */
public final class ConcurrentInstallMain {
    private ConcurrentInstallMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        new Installer(new TracingFileOps(Path.of(args[1]), args[2]), Optional.empty())
                .apply(Units.request(root, args[2], jobs(args[2])));
    }

    static List<dev.jobgen.unitfile.RenderedFile> jobs(String owner) {
        List<dev.jobgen.unitfile.RenderedFile> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.addAll(Units.job(owner + "-" + i, "daily"));
        }
        return files;
    }
}
