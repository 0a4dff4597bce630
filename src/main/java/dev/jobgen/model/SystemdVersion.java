package dev.jobgen.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The oldest systemd the units must work on, with distribution backports that break the
 * "upstream version implies feature" rule (RHEL 8's 239 restarts oneshot services like 244).
 */
public record SystemdVersion(int number, Set<Backport> backports) implements Comparable<SystemdVersion> {
    public static final SystemdVersion DEFAULT = new SystemdVersion(252, Set.of());
    /** Below this the directives every jobgen unit needs are missing. */
    public static final int OLDEST_SUPPORTED = 230;
    /** The newest version a target or --systemd-version may name: a bound against typos, not a claim. */
    public static final int NEWEST_ACCEPTED = 999;

    public enum Backport {
        ONESHOT_RESTART
    }

    private static final Map<String, SystemdVersion> DISTROS = new TreeMap<>(Map.of(
            "rhel-8", new SystemdVersion(239, Set.of(Backport.ONESHOT_RESTART)),
            "ubuntu-20.04", new SystemdVersion(245, Set.of()),
            "ubuntu-22.04", new SystemdVersion(249, Set.of()),
            "debian-12", new SystemdVersion(252, Set.of()),
            "rhel-9", new SystemdVersion(252, Set.of()),
            "ubuntu-24.04", new SystemdVersion(255, Set.of()),
            "debian-13", new SystemdVersion(257, Set.of())));

    public SystemdVersion {
        backports = Set.copyOf(backports);
    }

    public static SystemdVersion of(int number) {
        return new SystemdVersion(number, Set.of());
    }

    public static Optional<SystemdVersion> forDistro(String distro) {
        return Optional.ofNullable(DISTROS.get(distro));
    }

    public static Set<String> distros() {
        return DISTROS.keySet();
    }

    public boolean atLeast(int version) {
        return number >= version;
    }

    @Override
    public int compareTo(SystemdVersion o) {
        return Integer.compare(number, o.number);
    }
}
