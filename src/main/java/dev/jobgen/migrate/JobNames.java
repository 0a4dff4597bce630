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
            "cronic", "timeout", "setlock", "chpst", "envdir", "setuidgid", "s6-setuidgid", "--");
    /** Wrappers that take one argument before the command: {@code timeout 1h X}, {@code envdir DIR X}. */
    private static final Set<String> WRAPPERS_WITH_ARGUMENT = Set.of("timeout", "envdir", "setuidgid", "s6-setuidgid");
    /** Interpreters with a version in their name: {@code php7}, {@code python3.11}. */
    private static final Pattern VERSIONED_INTERPRETER = Pattern.compile("(python|php|perl|ruby|node)[0-9.]+");
    /** Commands that only prepare, guard or feed the real one. */
    private static final Set<String> GUARDS = Set.of("cd", "test", "[", "true", ":", "sleep", "export", "set", "umask",
            "echo", "printf", "cat", ".", "source", "chmod", "mkdir", "pushd", "popd");
    /** Options of wrappers that take a value as the next word. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-u", "-g", "-n", "-c", "-s", "-k");
    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "dash", "zsh", "python", "python2", "python3",
            "perl", "ruby", "node", "php", "java", "Rscript");
    /** Shell words that lead into a command ({@code if [ ... ]; then X; fi}). */
    private static final Set<String> KEYWORDS =
            Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!");
    /** Shell words whose segment holds no command to name ({@code for x in ...}, {@code case ... in}). */
    private static final Set<String> COMPOUND = Set.of("for", "case", "esac", "select", "function", "in");
    private static final Set<String> GENERIC = Set.of("manage", "artisan", "run-parts", "docker", "docker-compose", "kubectl",
            "make", "rake", "drush", "wp", "console", "git", "systemctl", "curl", "wget", "rsync", "find", "mysqldump",
            "pg_dump", "bundle", "npm", "yarn", "restic", "borg", "aws", "rclone", "psql", "mysql", "periodic", "su");

    private final Set<String> taken = new HashSet<>();

    /**
     * A name for {@code command} not handed out before by this instance; {@code fallback} when the
     * command names nothing (a bare redirection, a script given only in quotes).
     */
    String unique(String command, String fallback) {
        String derived = derive(command);
        return reserve(derived.isEmpty() ? fallback : derived);
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

    /**
     * The name of the first simple command that does real work, looking past guards such as
     * {@code test -x X ||} or {@code cd DIR &&}; when only guards are left, the file a guard
     * checks ({@code [ -x /usr/sbin/X ] && ...} gives {@code X}). Empty when nothing gives a name.
     * Words from expansions ({@code $((RANDOM % 60))}) and quoted text with blanks never do.
     */
    static String derive(String command) {
        String guarded = "";
        for (List<ShellSegments.Word> segment : ShellSegments.of(command)) {
            List<ShellSegments.Word> words = withoutKeywords(segment);
            if (words.isEmpty() || COMPOUND.contains(words.get(0).text())) {
                continue;
            }
            int i = skipWrappers(words, 0);
            if (i >= words.size()) {
                continue;
            }
            if (GUARDS.contains(stem(words.get(i)))) {
                guarded = guarded.isEmpty() ? guardedFile(words, i + 1) : guarded;
                continue;
            }
            String name = fromProgram(words, i);
            if (!name.isEmpty()) {
                return name;
            }
        }
        return guarded;
    }

    /** Words such as {@code if}, {@code then}, {@code !} that lead into the command proper. */
    private static List<ShellSegments.Word> withoutKeywords(List<ShellSegments.Word> words) {
        int i = 0;
        while (i < words.size() && KEYWORDS.contains(words.get(i).text())) {
            i++;
        }
        return words.subList(i, words.size());
    }

    /** The name of the first path a guard names ({@code test -x /usr/sbin/X}), or empty. */
    private static String guardedFile(List<ShellSegments.Word> words, int from) {
        for (int i = from; i < words.size(); i++) {
            String text = words.get(i).text();
            if (text.contains("/") && !text.startsWith("/dev/") && !text.startsWith("-")) {
                String name = sanitize(stem(words.get(i)));
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        return "";
    }

    private static String fromProgram(List<ShellSegments.Word> words, int at) {
        int i = at;
        String program = stem(words.get(i));
        if (INTERPRETERS.contains(program) || VERSIONED_INTERPRETER.matcher(program).matches() || program.isEmpty()) {
            // "python3 x.py", and "$PHP x.php": the script names the job, the interpreter alone does not
            i = nextArgument(words, i + 1);
            if (i >= words.size()) {
                return "";
            }
            program = stem(words.get(i));
        }
        if (GENERIC.contains(program)) {
            int arg = nextArgument(words, i + 1);
            if (arg < words.size()) {
                program = program + "-" + stem(words.get(arg));
            }
        }
        return sanitize(program);
    }

    private static int skipWrappers(List<ShellSegments.Word> words, int from) {
        int i = from;
        while (i < words.size()) {
            String w = words.get(i).text();
            String base = w.substring(w.lastIndexOf('/') + 1);
            if (w.contains("=") && !w.startsWith("-")) {
                i++; // VAR=value before the program
            } else if (WRAPPERS.contains(base)) {
                i++;
                while (i < words.size() && words.get(i).text().startsWith("-")) {
                    i += VALUED_OPTIONS.contains(words.get(i).text()) ? 2 : 1;
                }
                if (WRAPPERS_WITH_ARGUMENT.contains(base) && i < words.size()) {
                    i++; // the duration, directory or user before the command
                }
            } else {
                return i;
            }
        }
        return i;
    }

    /** The next word that names something: not an option, not a bare number, not /dev/null, not an expansion. */
    private static int nextArgument(List<ShellSegments.Word> words, int from) {
        int i = from;
        while (i < words.size() && (words.get(i).text().startsWith("-") || words.get(i).text().matches("[0-9]+")
                || words.get(i).text().equals("/dev/null") || sanitize(stem(words.get(i))).isEmpty())) {
            i++;
        }
        return i;
    }

    /**
     * The last path element without a script extension; a URL's host. Empty for a word that cannot
     * name anything: quoted text with blanks, or a last element an expansion produces.
     */
    private static String stem(ShellSegments.Word w) {
        if (w.opaque()) {
            return "";
        }
        String word = w.text();
        Matcher url = URL.matcher(word);
        if (url.matches()) {
            return url.group(1);
        }
        String base = word.replaceAll("/+$", "");
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.indexOf(ShellSegments.EXPANSION) >= 0) {
            return "";
        }
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
