package dev.jobgen.install;

import java.util.Optional;

/** One unit file that install writes or removes: its bytes before (empty: absent) and after (empty: removed). */
public record FileChange(String unit, Optional<byte[]> before, Optional<byte[]> after) {
    public FileChange {
        before = before.map(byte[]::clone);
        after = after.map(byte[]::clone);
    }

    public boolean isRemoval() {
        return after.isEmpty();
    }
}
