package dev.jobgen.time;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link CronExpression} into systemd {@code OnCalendar=} expressions that elapse at
 * exactly the minutes Vixie cron / cronie runs the line (man crontab(5), man systemd.time(7)
 * "Calendar Events").
 *
 * <p><b>Approach.</b> Each field is reduced to the set of values it matches; minute, hour, day and
 * month are written as {@code *} when the set is full, else as a list of runs ({@code 01..05}) and
 * single values ({@code 00,15,30,45}); day-of-week becomes a weekday list ({@code Mon..Fri}).
 * Steps are deliberately not written in systemd's repetition syntax ({@code 00/15}): systemd 252
 * computes some of those wrongly after a day or month carry (e.g. {@code *-*-* 01/19:28:00} from
 * {@code 2028-01-31 23:59:59} elapses at {@code 02-01 20:28}, skipping {@code 01:28}; checked with
 * {@code systemd-analyze calendar}), while plain lists are exact.
 *
 * <p><b>The day rule.</b> crontab(5): "If both fields are restricted (i.e., do not contain the '*'
 * character), the command will be run when either field matches". cronie and Vixie cron decide
 * "restricted" on the first character of the field text ({@code entry.c}: {@code if (ch == '*')
 * e->flags |= DOM_STAR}), so {@code *\/2} counts as unrestricted and is combined with the other
 * day field by AND, like a plain {@code *}. systemd always ANDs weekday and day, so the OR case
 * needs two expressions: {@code WEEKDAYS *-MM-* T} and {@code *-MM-DD T}. When one side of the OR
 * covers every day, the line runs daily and one expression suffices.
 *
 * <p><b>Edges.</b> Day 31 in a 30-day month never matches, in cron and in systemd alike (and
 * {@code 30 * 2} never elapses at all). 0 and 7 are both Sunday. The zone, when given, is
 * appended to every expression; without it systemd uses the node's local zone, as cron does.
 * Around DST changes cron and systemd differ; see src/docs/cron.md, "Daylight-saving time: what we promise".
 */
public final class CronTranslator {
    private CronTranslator() {}

    /** The timer schedule equivalent to {@code cron}, evaluated in {@code zone} (or the node's zone). */
    public static CronTranslation translate(CronExpression cron, Optional<ZoneId> zone) {
        if (cron.atReboot()) {
            return new CronTranslation.AtBoot();
        }
        String time = chain(cron.hour()) + ":" + chain(cron.minute()) + ":00";
        String month = chain(cron.month());
        String suffix = zone.map(z -> " " + z.getId()).orElse("");
        CronField dom = cron.dayOfMonth();
        CronField dow = cron.dayOfWeek();
        List<String> lines = new ArrayList<>(2);
        if (dom.starred() || dow.starred()) {
            lines.add(weekdayPrefix(dow) + "*-" + month + "-" + chain(dom) + " " + time + suffix);
        } else if (dom.isFull() || dow.isFull()) {
            lines.add("*-" + month + "-* " + time + suffix);
        } else {
            lines.add("*-" + month + "-" + chain(dom) + " " + time + suffix);
            lines.add(weekdayPrefix(dow) + "*-" + month + "-* " + time + suffix);
        }
        return CronTranslation.calendar(lines);
    }

    /**
     * A systemd component list for a numeric field: {@code *}, or its values as runs ({@code a..b}
     * for three or more consecutive values) and single values, ascending, as systemd normalizes it.
     */
    static String chain(CronField field) {
        if (field.isFull()) {
            return "*";
        }
        BitSet values = field.values();
        List<String> parts = new ArrayList<>();
        for (int a = values.nextSetBit(0); a >= 0; ) {
            int b = values.nextClearBit(a) - 1;
            if (b - a >= 2) {
                parts.add(two(a) + ".." + two(b));
            } else {
                for (int v = a; v <= b; v++) {
                    parts.add(two(v));
                }
            }
            a = values.nextSetBit(b + 1);
        }
        return String.join(",", parts);
    }

    private static String two(int v) {
        return String.format(Locale.ROOT, "%02d", v);
    }

    /** {@code "Mon..Fri "} for a restricted day-of-week, {@code ""} when every day matches. */
    static String weekdayPrefix(CronField dow) {
        if (dow.isFull()) {
            return "";
        }
        BitSet cron = dow.values();
        int bits = 0;
        for (int d = 0; d < 7; d++) {
            if (cron.get(d)) {
                bits |= 1 << (d + 6) % 7; // cron counts from Sunday = 0, systemd's bit 0 is Monday
            }
        }
        StringBuilder out = new StringBuilder();
        CalendarPrinter.weekdays(out, bits);
        return out.append(' ').toString();
    }
}
