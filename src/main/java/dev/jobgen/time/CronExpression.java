package dev.jobgen.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classic 5-field cron schedule (man crontab(5), Vixie cron / cronie):
 * {@code minute hour day-of-month month day-of-week}, or one of the {@code @} shortcuts. Pure
 * syntax: {@link CronTranslator} gives it a meaning in systemd terms.
 *
 * <p>The shortcuts are expanded as cronie does: {@code @yearly}/{@code @annually} = {@code 0 0 1 1 *},
 * {@code @monthly} = {@code 0 0 1 * *}, {@code @weekly} = {@code 0 0 * * 0}, {@code @daily}/
 * {@code @midnight} = {@code 0 0 * * *}, {@code @hourly} = {@code 0 * * * *}. {@code @reboot} has
 * no fields ({@link #atReboot()}). Shortcuts are case-sensitive, as in cron ({@code strcmp}).
 */
public record CronExpression(String text, List<CronField> fields, boolean atReboot) {
    private static final Map<String, String> SHORTCUTS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String FIELD_NAMES = "minute hour day-of-month month day-of-week";

    public CronExpression {
        Objects.requireNonNull(text, "text");
        fields = List.copyOf(fields);
        if (fields.size() != (atReboot ? 0 : 5)) {
            throw new IllegalArgumentException("a cron expression has 5 fields, or none for @reboot");
        }
    }

    /** Parses {@code text}; the exception names the bad field and character offset. */
    public static CronExpression parse(String text) throws CronException {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new CronException("empty cron expression (expected " + FIELD_NAMES + ")", -1, 0);
        }
        if (trimmed.startsWith("@")) {
            return shortcut(text, trimmed);
        }
        List<int[]> spans = words(text);
        if (spans.size() != 5) {
            int at = spans.size() > 5 ? spans.get(5)[0] : text.length();
            throw new CronException("expected 5 fields (" + FIELD_NAMES + "), found " + spans.size(), -1, at);
        }
        CronField.Kind[] kinds = CronField.Kind.values();
        List<CronField> fields = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            int[] span = spans.get(i);
            fields.add(CronFieldParser.parse(text.substring(span[0], span[1]), kinds[i], i, span[0]));
        }
        return new CronExpression(text, fields, false);
    }

    private static CronExpression shortcut(String text, String word) throws CronException {
        int at = text.indexOf('@');
        if (word.equals("@reboot")) {
            return new CronExpression(text, List.of(), true);
        }
        String expansion = SHORTCUTS.get(word);
        if (expansion == null) {
            throw new CronException("unknown shortcut '" + word
                    + "' (use @reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)", -1, at);
        }
        return new CronExpression(text, parse(expansion).fields(), false);
    }

    /** [start, end) of each blank-separated word; cron separates fields by spaces and tabs. */
    private static List<int[]> words(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        return spans;
    }

    public CronField minute() {
        return field(0);
    }

    public CronField hour() {
        return field(1);
    }

    public CronField dayOfMonth() {
        return field(2);
    }

    public CronField month() {
        return field(3);
    }

    public CronField dayOfWeek() {
        return field(4);
    }

    private CronField field(int i) {
        if (atReboot) {
            throw new IllegalStateException("@reboot has no fields");
        }
        return fields.get(i);
    }
}
