package dev.jobgen.migrate;

import dev.jobgen.model.Names;
import dev.jobgen.time.CronException;
import dev.jobgen.time.CronExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a crontab the way cronie does (man crontab(5)): blank lines and {@code #} comments are
 * ignored, {@code NAME = value} lines set the environment of the lines after them (one pair of
 * matching quotes around the value is removed), and every other line is a schedule — five fields
 * or an {@code @} shortcut — followed, in {@code /etc/crontab} and {@code cron.d}, by a user name,
 * and then the command up to the end of the line. A leading {@code -} (cronie: do not log) is
 * dropped.
 */
public final class CrontabParser {
    private static final Pattern TIME_FIELD = Pattern.compile("[0-9*][0-9*/,?-]*");
    private static final Pattern DATE_FIELD = Pattern.compile("[0-9*?][0-9A-Za-z*/,?#LW-]*|[A-Za-z]{3}[A-Za-z,/-]*");
    private static final Pattern FIVE_STARS = Pattern.compile("\\*\\s+\\*\\s+\\*\\s+\\*\\s+\\*(\\s|$)");
    /** Names templates give the five time columns. */
    private static final Set<String> LEGEND_COLUMNS = Set.of("m", "mn", "min", "mins", "minute", "minutes",
            "h", "hr", "hour", "hours", "dom", "mday", "day", "days", "mon", "month", "months", "dow", "wday", "weekday");
    /** The other words of a legend line: the user and command columns. */
    private static final Set<String> LEGEND_OTHER = Set.of("who", "user", "user-name", "username",
            "command", "cmd", "commands", "of", "week", "to", "be", "executed", "");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");

    private final String file;
    private final boolean userField;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();
    private final List<CrontabEntry> entries = new ArrayList<>();
    private final List<ImportMessage> messages = new ArrayList<>();

    private CrontabParser(String file, boolean userField) {
        this.file = file;
        this.userField = userField;
    }

    /** The entries and the errors of one crontab file; {@code userField} for /etc/crontab and cron.d. */
    public static Parsed parse(String file, String text, boolean userField) {
        CrontabParser p = new CrontabParser(file, userField);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line(i + 1, lines[i]);
        }
        return new Parsed(p.entries, p.messages);
    }

    /** What one file holds. */
    public record Parsed(List<CrontabEntry> entries, List<ImportMessage> messages) {
        public Parsed {
            entries = List.copyOf(entries);
            messages = List.copyOf(messages);
        }
    }

    private void line(int number, String text) {
        String body = text.strip();
        if (body.isEmpty()) {
            comments.clear();
            return;
        }
        if (body.startsWith("#")) {
            String comment = body.replaceFirst("^#+\\s*", "");
            if (looksLikeEntry(comment) || isLegend(comment) || comment.startsWith("!")) {
                // a commented-out job, the column legend or a "#!" line ends what a comment above said:
                // the comment belonged to that job or to the file's header, not to the next line
                comments.clear();
            } else if (!comment.isEmpty()) {
                comments.add(comment);
            }
            return;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        if (m.matches()) {
            environment.put(m.group(1), unquote(m.group(2)));
            comments.clear();
            return;
        }
        entry(number, body.startsWith("-") ? body.substring(1) : body);
        comments.clear();
    }

    private void entry(int number, String body) {
        Words words = new Words(body);
        String schedule = schedule(body, words);
        try {
            CronExpression.parse(schedule);
        } catch (CronException e) {
            messages.add(ImportMessage.error(file, number, "invalid cron schedule '" + schedule + "': " + e.getMessage()));
            return;
        }
        Optional<String> user = Optional.empty();
        if (userField) {
            if (!words.hasNext()) {
                messages.add(ImportMessage.error(file, number, "missing user name and command (this file has a user field)"));
                return;
            }
            user = Optional.of(words.next());
            if (!Names.isUserOrGroup(user.get())) {
                messages.add(ImportMessage.error(file, number, "'" + user.get() + "' is not a user name;"
                        + " cron refuses this line"
                        + (TIME_FIELD.matcher(user.get()).matches()
                                ? " (one schedule field too many? the fields here are: minute hour day-of-month month"
                                        + " day-of-week user command)"
                                : "")));
                return;
            }
        }
        String command = words.rest();
        if (command.isEmpty()) {
            messages.add(ImportMessage.error(file, number, "missing command after the schedule"));
            return;
        }
        entries.add(CrontabEntry.of(file, number, schedule, user, command, environment, comments));
    }

    /**
     * A disabled job: a schedule, even one this cron would refuse ({@code 0/15}, {@code ?}), and
     * more after it. Minute and hour must start with a digit or {@code *}, so that prose does not match.
     */
    private static boolean looksLikeEntry(String comment) {
        Words w = new Words(comment);
        if (comment.startsWith("@")) {
            try {
                CronExpression.parse(schedule(comment, w));
                return w.hasNext();
            } catch (CronException e) {
                return false;
            }
        }
        String[] fields = comment.split("[ \t]+", 6);
        return fields.length == 6 && TIME_FIELD.matcher(fields[0]).matches() && TIME_FIELD.matcher(fields[1]).matches()
                && DATE_FIELD.matcher(fields[2]).matches() && DATE_FIELD.matcher(fields[3]).matches()
                && DATE_FIELD.matcher(fields[4]).matches();
    }

    /**
     * The column legend of crontab templates: {@code m h dom mon dow command}, {@code
     * minute hour mday month wday who command}, or a line of the drawing that points at the
     * columns ({@code .---- minute (0 - 59)}, {@code |  |  |}, {@code *  *  *  *  * user-name command}).
     */
    static boolean isLegend(String comment) {
        String afterBars = comment.replaceFirst("^[|\\s]+", "");
        boolean bars = afterBars.length() < comment.length();
        if (afterBars.startsWith(".--") || (bars && afterBars.isEmpty()) || FIVE_STARS.matcher(comment).lookingAt()) {
            return true;
        }
        String[] words = comment.toLowerCase(Locale.ROOT).split("[\\s,]+");
        long columns = Arrays.stream(words).filter(LEGEND_COLUMNS::contains).count();
        return columns >= 3 && Arrays.stream(words).allMatch(w -> LEGEND_COLUMNS.contains(w) || LEGEND_OTHER.contains(w));
    }

    /** The schedule at the start of {@code line}: an {@code @} shortcut or five fields, taken from {@code words}. */
    private static String schedule(String line, Words words) {
        if (line.startsWith("@")) {
            return words.next();
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 5 && words.hasNext(); i++) {
            fields.add(words.next());
        }
        return String.join(" ", fields);
    }

    /** cronie's env.c: a value wholly inside one pair of matching quotes loses them. */
    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Blank-separated words of a line, and the untouched rest after them. */
    private static final class Words {
        private final String text;
        private int pos;

        Words(String text) {
            this.text = text;
            skipBlanks();
        }

        boolean hasNext() {
            return pos < text.length();
        }

        String next() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ' ' && text.charAt(pos) != '\t') {
                pos++;
            }
            String word = text.substring(start, pos);
            skipBlanks();
            return word;
        }

        String rest() {
            return text.substring(pos).strip();
        }

        private void skipBlanks() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }
    }
}
