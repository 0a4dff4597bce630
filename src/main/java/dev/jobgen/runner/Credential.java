package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A systemd credential: the file {@code $CREDENTIALS_DIRECTORY/NAME} that {@code LoadCredential=}
 * delivers. The heartbeat URL and the cluster URL are both read this way.
 */
public final class Credential {
    private Credential() {}

    /** The credential's file; fails when the unit delivered no credentials at all. */
    public static Path file(Map<String, String> env, String name) throws IOException {
        String dir = env.get("CREDENTIALS_DIRECTORY");
        if (dir == null || dir.isEmpty()) {
            throw new IOException("CREDENTIALS_DIRECTORY is not set (LoadCredential= missing from the unit?)");
        }
        return Path.of(dir, name);
    }
}
