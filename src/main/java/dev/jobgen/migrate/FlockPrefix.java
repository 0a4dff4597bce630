package dev.jobgen.migrate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common {@code flock -n FILE command} idiom (util-linux flock(1): run the command holding a
 * lock on FILE, give up at once when it is held) that keeps cron from starting a job twice. Only
 * the non-blocking form is recognised: it is what {@code lock:} with {@code on-busy: skip} does.
 * Accepts {@code -n}, {@code --nonblock}, with {@code -x}/{@code -e}/{@code --exclusive} in any
 * order or combined ({@code -xn}), and the {@code -c 'command'} form.
 */
record FlockPrefix(String lockFile, String command) {
    private static final Pattern FLOCK = Pattern.compile(
            "(?:/usr)?(?:/bin/)?flock((?:\\s+(?:-[nxe]{1,3}|--nonblock|--exclusive))+)\\s+([^\\s'\"-][^\\s'\"]*)\\s+(.+)");
    private static final Pattern DASH_C = Pattern.compile("-c\\s+'([^']*)'|-c\\s+\"([^\"$`\\\\]*)\"");

    static Optional<FlockPrefix> parse(String command) {
        Matcher m = FLOCK.matcher(command.strip());
        if (!m.matches() || !nonBlocking(m.group(1))) {
            return Optional.empty();
        }
        String rest = m.group(3).strip();
        if (rest.startsWith("-c")) {
            Matcher c = DASH_C.matcher(rest);
            if (!c.matches()) {
                return Optional.empty();
            }
            rest = c.group(1) != null ? c.group(1) : c.group(2);
        } else if (rest.startsWith("-")) {
            return Optional.empty(); // an option we do not know: leave the line as it is
        }
        return Optional.of(new FlockPrefix(m.group(2), rest));
    }

    private static boolean nonBlocking(String options) {
        for (String o : options.strip().split("\\s+")) {
            if (o.equals("--nonblock") || (!o.startsWith("--") && o.contains("n"))) {
                return true;
            }
        }
        return false;
    }

    /** A lock group name from the file name: {@code /var/lock/db-backup.lock} gives {@code db-backup}. */
    String groupName() {
        String base = lockFile.substring(lockFile.lastIndexOf('/') + 1).replaceFirst("\\.(lock|lck|pid|flock)$", "");
        String name = JobNames.sanitize(base);
        return name.isEmpty() ? "lock" : name;
    }
}
