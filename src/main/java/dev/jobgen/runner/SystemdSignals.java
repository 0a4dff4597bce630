package dev.jobgen.runner;

/** Signal numbers of the names systemd puts in {@code $EXIT_STATUS} when a command was killed (x86-64 and arm64 numbering). */
final class SystemdSignals {
    private static final String[] NAMES = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
        "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private SystemdSignals() {}

    /** The number of {@code name} ("TERM", or "SIGTERM"), or 15 when systemd gave a name this table lacks. */
    static int number(String name) {
        String bare = name.startsWith("SIG") ? name.substring(3) : name;
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(bare)) {
                return i + 1;
            }
        }
        try {
            return Integer.parseInt(bare);
        } catch (NumberFormatException e) {
            return 15;
        }
    }
}
