package dev.jobgen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who hears about a job's runs: the catalogue's {@code heartbeat} (pings to a monitoring service),
 * {@code on-failure} (what {@code jobgen notify} does) and {@code alert-after} keys.
 */
public record Alerts(Optional<Heartbeat> heartbeat, Optional<OnFailure> onFailure, int alertAfter) {
    public static final Alerts NONE = new Alerts(Optional.empty(), Optional.empty(), 1);

    public Alerts {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(onFailure, "onFailure");
        if (alertAfter < 1) {
            throw new IllegalArgumentException("alertAfter must be at least 1: " + alertAfter);
        }
    }
}
