package dev.jobgen.cli;

import dev.jobgen.model.SystemdVersion;

/** The range check of every {@code --systemd-version}: the same range as target.systemd in a catalogue. */
final class SystemdVersionArg {
    private SystemdVersionArg() {}

    static int checked(int version) {
        if (version < SystemdVersion.OLDEST_SUPPORTED || version > SystemdVersion.NEWEST_ACCEPTED) {
            throw new UserError("--systemd-version must be between " + SystemdVersion.OLDEST_SUPPORTED + " and " + SystemdVersion.NEWEST_ACCEPTED, 2);
        }
        return version;
    }
}
