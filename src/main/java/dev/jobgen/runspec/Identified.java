package dev.jobgen.runspec;

import java.util.Optional;

/** A choice known by the name the catalogue and the flags spell it with. */
interface Identified {
    String id();

    /** The value named {@code id}, if any; a loop, not a map or stream: it runs on every start of the runner. */
    static <E extends Identified> Optional<E> byId(E[] values, String id) {
        for (E e : values) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
