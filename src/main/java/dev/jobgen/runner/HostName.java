package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** This node's name as the kernel knows it: no DNS lookup on the hot path, unlike {@code InetAddress}. */
public final class HostName {
    private HostName() {}

    public static String of(Map<String, String> env) {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException e) {
            // not Linux: fall back below
        }
        return env.getOrDefault("HOSTNAME", "localhost");
    }
}
