package dev.jobgen.install;

import java.io.IOException;
import java.util.List;

/**
 * The running systemd, as far as install needs it: queries to decide which actions are due (so a
 * second install on an unchanged node does nothing) and the actions themselves.
 */
public interface Systemctl {
    /** The running systemd's version, e.g. 252. */
    int version() throws IOException;

    /** Whether the unit is enabled ({@code systemctl is-enabled} says exactly "enabled"). */
    boolean isEnabled(String unit) throws IOException;

    /** Whether the unit is active ({@code systemctl is-active}). */
    boolean isActive(String unit) throws IOException;

    /**
     * Whether systemd's loaded copy of any of these units differs from the file on disk
     * ({@code NeedDaemonReload=yes}): an earlier install that died between its writes and its
     * daemon-reload leaves that behind, and the next install must still reload.
     */
    boolean needsReload(List<String> units) throws IOException;

    /** Runs one action; fails with a message naming it when systemctl exits non-zero. */
    void run(SystemdAction action) throws IOException;
}
