package dev.jobgen.runspec;

import java.util.Optional;

/** The ping protocols the runner speaks, by the name the catalogue and {@code --heartbeat} use. */
public enum HeartbeatProvider implements Identified {
    HEALTHCHECKS("healthchecks"),
    CRONITOR("cronitor"),
    URL("url");

    private final String id;

    HeartbeatProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<HeartbeatProvider> of(String id) {
        return Identified.byId(values(), id);
    }
}
