package dev.jobgen.unitfile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The only place that turns user text into unit-file text (man systemd.service(5) "Command
 * lines", man systemd.syntax(7) "Quoting", man systemd.unit(5) "Specifiers", man systemd.exec(5)
 * "Environment="). Whatever goes in comes out byte for byte in the process, and no value can end
 * a line or add a directive.
 *
 * <p>How systemd reads a unit line, and what each method does about it:
 * <ul>
 *   <li>A line ends at LF, CR or NUL; a line whose backslashes leave the last character escaped
 *       is continued by the next line; leading and trailing blanks of a value are dropped; a line
 *       of {@value #MAX_LINE_BYTES} bytes or more makes the unit fail to load ("No buffer space").
 *   <li>{@code ExecStart=}, {@code Environment=} and similar split the value into words, unquote
 *       them and resolve C escapes, then resolve {@code %} specifiers in each word. Command lines
 *       are also expanded at run time ({@code $$} is a dollar, {@code ${X}}/{@code $X} variables),
 *       {@code ;} alone separates commands, and the first word may start with the prefixes
 *       {@code -@:+!} which are read after unquoting, so quoting cannot protect a program name:
 *       the program must be an absolute path. Words are written bare when they consist of plain
 *       characters only, else in double quotes with {@code \\ \" \n \t \r \xNN} escapes; non-ASCII
 *       text stays UTF-8.
 *   <li>{@code Description=} and other plain strings are neither unquoted nor unescaped (a
 *       backslash or quote is shown as written). {@link #text} therefore cannot escape a newline:
 *       it writes control characters as visible C escapes ({@code \n}), trims the blanks systemd
 *       would trim anyway, and ends a value whose last backslash would continue the line with a
 *       blank that systemd drops after the continuation check.
 *   <li>Paths ({@code WorkingDirectory=}, {@code EnvironmentFile=}) are also taken literally, so a
 *       path with a control character, trailing blank or trailing backslash cannot be written.
 *       List-valued path settings ({@code ReadWritePaths=}...) split at blanks and unquote:
 *       {@link #pathListItem} quotes a path with a blank and refuses quotes and backslashes.
 * </ul>
 * Every method doubles {@code %} so that no specifier is resolved. Methods that get a value they
 * cannot represent throw {@link IllegalArgumentException}; callers check first with {@link
 * #problem}, {@link #programProblem}, {@link #pathProblem} or {@link #environmentNameProblem} and
 * report a diagnostic instead.
 */
public final class SystemdEscaper {
    /** The longest unit-file line systemd 252 reads, in bytes without the newline (LONG_LINE_MAX - 1). */
    public static final int MAX_LINE_BYTES = 1024 * 1024 - 1;

    /** The longest file name (path component) Linux takes, in bytes. */
    public static final int NAME_MAX = 255;

    /** Linux's limit on a path, in bytes with the terminating NUL. */
    public static final int PATH_MAX = 4096;

    /** Room {@link #problem} leaves for the longest directive name and its {@code =}. */
    private static final int KEY_ALLOWANCE = 64;

    private SystemdEscaper() {}

    /**
     * The value of an {@code ExecStart=} line that runs exactly {@code argv}: {@code argv[0]} is the
     * program (an absolute path, see {@link #programProblem}), the rest are its arguments, empty
     * ones included.
     */
    public static String commandLine(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        String program = argv.get(0);
        require(programProblem(program));
        StringBuilder line = new StringBuilder();
        if (program.indexOf('$') >= 0) {
            // the path is never expanded but argv[0] is, so give argv[0] separately ('@' prefix)
            line.append('@').append(quotedIfBlank(program)).append(' ').append(Word.quoted(program, true));
        } else {
            line.append(quotedIfBlank(program));
        }
        for (String arg : argv.subList(1, argv.size())) {
            require(problem(arg));
            line.append(' ').append(Word.of(arg, true));
        }
        return line.toString();
    }

    /** One quoted {@code NAME=value} word for {@code Environment=}; the value is kept exactly. */
    public static String environment(String name, String value) {
        require(environmentNameProblem(name));
        require(problem(value));
        return Word.quoted(name + "=" + value, false);
    }

    /** Free text such as {@code Description=}: specifiers escaped, nothing that can end the line. */
    public static String text(String value) {
        require(problem(value));
        StringBuilder out = new StringBuilder();
        trimmed(value).codePoints().forEach(cp -> {
            if (cp == '%') {
                out.append("%%");
            } else if (Character.isISOControl(cp) && cp < 0x80) {
                out.append(Word.controlEscape(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (endsEscaped(out)) {
            out.append(' '); // stops the continuation; systemd strips it from the value
        }
        return out.toString();
    }

    /** A path value ({@code WorkingDirectory=}, {@code EnvironmentFile=}...): specifiers escaped. */
    public static String path(String value) {
        require(pathProblem(value));
        return value.replace("%", "%%");
    }

    /**
     * One path of a list-valued path setting ({@code ReadWritePaths=}, {@code ReadOnlyPaths=},
     * {@code InaccessiblePaths=}...): systemd splits those at blanks and unquotes the items, so a
     * path with a blank is written in double quotes.
     */
    public static String pathListItem(String value) {
        require(pathListItemProblem(value));
        return quotedIfBlank(value);
    }

    /**
     * Why {@code path} cannot be one item of a list-valued path setting: everything {@link
     * #pathProblem} finds, and quotes or backslashes, which those settings read as quoting.
     */
    public static Optional<String> pathListItemProblem(String path) {
        Optional<String> problem = pathProblem(path);
        if (problem.isPresent()) {
            return problem;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '"' || c == '\'' || c == '\\') {
                return Optional.of("the path contains " + describe(c) + " at index " + i
                        + ", which a list of paths such as ReadWritePaths= would read as quoting");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code value} cannot be written into a unit file at all: a NUL character, text that is
     * not Unicode (a lone UTF-16 surrogate), or an escaped form that cannot fit systemd's line limit.
     */
    public static Optional<String> problem(String value) {
        Objects.requireNonNull(value, "value");
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            return Optional.of("contains a NUL character (at index " + nul + "), which no unit file can carry");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))) {
                return Optional.of("contains a lone UTF-16 surrogate (at index " + i + "), which is not valid Unicode");
            } else if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        int bytes = Word.quoted(value, true).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + KEY_ALLOWANCE > MAX_LINE_BYTES) {
            return Optional.of("is too long: " + bytes + " bytes once escaped, and systemd reads unit-file lines of at most "
                    + MAX_LINE_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * Why a whole rendered line {@code key=value} would not be read back as written: a line break
     * inside, or over systemd's line limit (several long arguments can add up).
     */
    public static Optional<String> lineProblem(String key, String renderedValue) {
        if (breaksLine(key) || breaksLine(renderedValue)) {
            return Optional.of(key + "= would contain a line break");
        }
        // a UTF-16 unit is at most 3 UTF-8 bytes: only a line that might be too long is encoded
        if (3L * (key.length() + 1 + renderedValue.length()) <= MAX_LINE_BYTES) {
            return Optional.empty();
        }
        int bytes = (key + "=" + renderedValue).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LINE_BYTES) {
            return Optional.of(key + "= would be " + bytes + " bytes long, and systemd reads unit-file lines of at most "
                    + MAX_LINE_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private static boolean breaksLine(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0;
    }

    /**
     * Why {@code program} cannot be the first word of a command line: systemd reads the prefixes
     * {@code -@:+!} after unquoting, so only an absolute path is safe; it also refuses quotes,
     * backslashes and control characters there, and a path ending in {@code /}.
     */
    public static Optional<String> programProblem(String program) {
        if (!program.startsWith("/")) {
            return Optional.of("the program '" + program + "' must be an absolute path");
        }
        if (program.endsWith("/")) {
            return Optional.of("the program '" + program + "' names a directory");
        }
        for (int i = 0; i < program.length(); i++) {
            char c = program.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '\\') {
                return Optional.of("the program path contains " + describe(c) + " at index " + i
                        + ", which systemd refuses in an executable name");
            }
        }
        return lengthProblem(program).or(() -> problem(program));
    }

    /** Why {@code path} cannot be written literally as a path setting, if so. */
    public static Optional<String> pathProblem(String path) {
        if (!path.startsWith("/")) {
            return Optional.of("'" + path + "' is not an absolute path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("the path contains " + describe(c) + " at index " + i + ", which a path setting cannot carry");
            }
        }
        if (!path.equals(path.stripTrailing())) {
            return Optional.of("the path ends with a blank, which systemd would drop");
        }
        if (path.endsWith("\\")) {
            return Optional.of("the path ends with a backslash, which would join the next line of the unit file");
        }
        if (("/" + path + "/").contains("/../")) {
            return Optional.of("the path contains a '..' component, which systemd refuses");
        }
        return lengthProblem(path).or(() -> problem(path));
    }

    /**
     * Why Linux (and so systemd, which checks paths in unit files the same way) would refuse
     * {@code path} for its length: a component over {@value #NAME_MAX} bytes, or {@value
     * #PATH_MAX} bytes or more in all (the limits count UTF-8 bytes, and PATH_MAX the final NUL).
     */
    private static Optional<String> lengthProblem(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= PATH_MAX) {
            return Optional.of("the path is " + bytes.length + " bytes long; Linux takes paths of at most " + (PATH_MAX - 1) + " bytes");
        }
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '/') {
                if (i - start > NAME_MAX) {
                    return Optional.of("the path component starting at byte " + start + " is " + (i - start)
                            + " bytes long; Linux takes file names of at most " + NAME_MAX + " bytes");
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Why systemd {@code systemdVersion} would drop an {@code Environment=} assignment with this
     * value ("Invalid environment assignment, ignoring"): before 248 a value may hold no control
     * character other than tab and newline (systemd PR #18129 lifted that; 252 accepts them all).
     */
    public static Optional<String> environmentValueProblem(String value, int systemdVersion) {
        if (systemdVersion < 248) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                    return Optional.of("the value contains " + describe(c) + " at index " + i
                            + "; systemd before 248 drops such an environment assignment");
                }
            }
        }
        return problem(value);
    }

    /** Why {@code name} is not a valid environment variable name for systemd, if so. */
    public static Optional<String> environmentNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("an environment variable needs a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return Optional.of("'" + name + "' is not a valid environment variable name (letters, digits and '_', not starting with a digit)");
            }
        }
        return Optional.empty();
    }

    /** The value without the leading and trailing blanks (space, tab, CR, LF) systemd drops. */
    private static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && " \t\r\n".indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    /** {@code %} doubled, in double quotes when there is a blank; only for text without quotes, backslashes or control characters. */
    private static String quotedIfBlank(String safe) {
        String doubled = safe.replace("%", "%%");
        return safe.indexOf(' ') >= 0 ? "\"" + doubled + "\"" : doubled;
    }

    /** Whether systemd's continuation check would see the last character as escaped. */
    private static boolean endsEscaped(CharSequence s) {
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            escaped = !escaped && s.charAt(i) == '\\';
        }
        return escaped;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }

    private static void require(Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}
