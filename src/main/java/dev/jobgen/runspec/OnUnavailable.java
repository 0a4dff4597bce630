package dev.jobgen.runspec;

import java.util.Optional;

/** What a cluster-locked job does when the coordinator cannot be reached (catalogue {@code cluster.on-unavailable}). */
public enum OnUnavailable implements Identified {
    FAIL("fail"),
    RUN("run"),
    SKIP("skip");

    private final String id;

    OnUnavailable(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<OnUnavailable> of(String id) {
        return Identified.byId(values(), id);
    }
}
