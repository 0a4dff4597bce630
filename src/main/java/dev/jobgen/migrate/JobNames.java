package dev.jobgen.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable, unique job names derived from commands: the program's name ({@code
 * /usr/local/bin/backup-db --full} gives {@code backup-db}), looking through wrappers ({@code
 * nice}, {@code sudo -u x}, {@code cd DIR &&}…) and interpreters ({@code python3 report.py} gives
 * {@code report}), with the first argument added for generic tools ({@code run-parts
 * /etc/cron.daily} gives {@code run-parts-cron-daily}). Repeats get {@code -2}, {@code -3}…
 */
final class JobNames {
    private static final int MAX = 48;
    private static final Pattern URL = Pattern.compile("[a-z]+://([^/:]+).*");
    private static final Set<String> WRAPPERS = Set.of("sudo", "nice", "ionice", "nohup", "env", "exec", "time", "chronic",
            "cronic", "timeout", "setlock", "chpst", "--");
    /** Commands that only prepare or guard the real one. */
    private static final Set<String> GUARDS = Set.of("cd", "test", "[", "true", ":", "sleep", "export", "set", "umask");
    /** Options of wrappers that take a value as the next word. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-u", "-g", "-n", "-c", "-s", "-k");
    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "dash", "zsh", "python", "python2", "python3",
            "perl", "ruby", "node", "php", "java", "Rscript");
    private static final Set<String> GENERIC = Set.of("manage", "artisan", "run-parts", "docker", "docker-compose", "kubectl",
            "make", "rake", "drush", "wp", "console", "git", "systemctl", "curl", "wget", "rsync", "find", "mysqldump",
            "pg_dump", "bundle", "npm", "yarn", "restic", "borg", "aws", "rclone", "psql", "mysql");

    private final Set<String> taken = new HashSet<>();

    /** A name for {@code command} not handed out before by this instance. */
    String unique(String command) {
        return reserve(derive(command));
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… when this instance handed it out before. */
    String reserve(String base) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        taken.add(name);
        return name;
    }

    static String derive(String command) {
        // the first pipeline element that does real work: not a guard such as "test -x X ||" or "cd DIR &&"
        for (String segment : command.replaceAll("['\"]", "").split("&&|\\|\\||[;|{}()]")) {
            List<String> words = new ArrayList<>();
            for (String w : segment.strip().split("\\s+")) {
                if (!w.isEmpty() && !w.matches("[0-9]*[<>].*")) {
                    words.add(w);
                }
            }
            int i = skipWrappers(words, 0);
            if (i < words.size() && !GUARDS.contains(stem(words.get(i)))) {
                return fromProgram(words, i);
            }
        }
        return "job";
    }

    private static String fromProgram(List<String> words, int at) {
        int i = at;
        String program = stem(words.get(i));
        if (INTERPRETERS.contains(program)) {
            int script = nextArgument(words, i + 1);
            if (script < words.size()) {
                i = script;
                program = stem(words.get(i));
            }
        }
        if (GENERIC.contains(program)) {
            int arg = nextArgument(words, i + 1);
            if (arg < words.size()) {
                program = program + "-" + stem(words.get(arg));
            }
        }
        String name = sanitize(program);
        return name.isEmpty() ? "job" : name;
    }

    private static int skipWrappers(List<String> words, int from) {
        int i = from;
        while (i < words.size()) {
            String w = words.get(i);
            String base = w.substring(w.lastIndexOf('/') + 1);
            if (w.contains("=") && !w.startsWith("-")) {
                i++; // VAR=value before the program
            } else if (WRAPPERS.contains(base)) {
                i++;
                while (i < words.size() && words.get(i).startsWith("-")) {
                    i += VALUED_OPTIONS.contains(words.get(i)) ? 2 : 1;
                }
                if (base.equals("timeout") && i < words.size()) {
                    i++; // the duration
                }
            } else {
                return i;
            }
        }
        return i;
    }

    /** The next word that names something: not an option, not a bare number. */
    private static int nextArgument(List<String> words, int from) {
        int i = from;
        while (i < words.size() && (words.get(i).startsWith("-") || words.get(i).matches("[0-9]+"))) {
            i++;
        }
        return i;
    }

    /** The last path element without a script extension; a URL's host. */
    private static String stem(String word) {
        Matcher url = URL.matcher(word);
        if (url.matches()) {
            return url.group(1);
        }
        String base = word.replaceAll("/+$", "");
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.replaceFirst("(?i)\\.(sh|bash|py|pl|rb|php|js|r)$", "");
    }

    /** Lower-case letters, digits and single dashes, at most 48 characters. */
    static String sanitize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("-+$", "");
        }
        return s;
    }
}
