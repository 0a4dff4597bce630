package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * This node's name as the kernel knows it: no DNS lookup on the hot path, unlike
 * {@code InetAddress}. A sandboxed job ({@code ProcSubset=pid}) cannot see
 * {@code /proc/sys/kernel/hostname}, so {@code /etc/hostname} comes next.
 */
public final class HostName {
    private static final String[] SOURCES = {"/proc/sys/kernel/hostname", "/etc/hostname"};

    private HostName() {}

    public static String of(Map<String, String> env) {
        for (String source : SOURCES) {
            try {
                String name = Files.readString(Path.of(source)).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException e) {
                // hidden by the sandbox, or not Linux: try the next source
            }
        }
        return env.getOrDefault("HOSTNAME", "localhost");
    }
}
