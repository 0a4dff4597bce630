package dev.jobgen.model;

import java.util.List;
import java.util.Objects;

/** How much of the system a job may touch: off, a standard profile, or a strict one plus writable paths. */
public record Sandbox(Level level, List<String> writablePaths) {
    public static final Sandbox OFF = new Sandbox(Level.OFF, List.of());

    public enum Level {
        OFF("off"),
        STANDARD("standard"),
        STRICT("strict");

        private final String id;

        Level(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Sandbox {
        Objects.requireNonNull(level, "level");
        writablePaths = List.copyOf(writablePaths);
    }
}
