package dev.jobgen.time;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test oracle: "does cron run this line at this local minute?", written from man crontab(5) alone
 * and deliberately sharing no code with {@link CronExpression}: "*" is first-last, a-b inclusive,
 * "/n" steps through the range or "*", lists with ",", three-letter month and day names in any
 * case, 0 and 7 are Sunday, and "if both [day] fields are restricted … the command will be run when
 * either field matches". Restricted means the field text does not start with "*", as cronie's
 * entry.c decides (DOM_STAR/DOW_STAR), so "*\/2" is not a restriction.
 */
final class CrontabEvaluator {
    private static final Map<String, String> SPECIAL = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet doms;
    private final BitSet months;
    private final BitSet dows;
    private final boolean domStar;
    private final boolean dowStar;

    CrontabEvaluator(String line) {
        String[] f = SPECIAL.getOrDefault(line.trim(), line.trim()).split("[ \t]+");
        if (f.length != 5) {
            throw new IllegalArgumentException(line);
        }
        minutes = set(f[0], 0, 59, List.of());
        hours = set(f[1], 0, 23, List.of());
        doms = set(f[2], 1, 31, List.of());
        months = set(f[3], 1, 12, MONTHS);
        BitSet d = set(f[4], 0, 7, DAYS);
        if (d.get(7)) {
            d.set(0);
        }
        dows = d;
        domStar = f[2].startsWith("*");
        dowStar = f[4].startsWith("*");
    }

    /** dow: 0 = Sunday … 6 = Saturday; month 1-12. */
    boolean fires(int minute, int hour, int dom, int month, int dow) {
        if (!minutes.get(minute) || !hours.get(hour) || !months.get(month)) {
            return false;
        }
        boolean day = domStar || dowStar
                ? doms.get(dom) && dows.get(dow)
                : doms.get(dom) || dows.get(dow);
        return day;
    }

    private static BitSet set(String field, int first, int last, List<String> names) {
        BitSet bits = new BitSet();
        for (String item : field.split(",")) {
            String[] stepped = item.split("/");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            List<Integer> ends = new ArrayList<>();
            if (stepped[0].equals("*")) {
                ends.add(first);
                ends.add(last);
            } else {
                for (String v : stepped[0].split("-")) {
                    int i = names.indexOf(v.toLowerCase(Locale.ROOT));
                    ends.add(i >= 0 ? i + first : Integer.parseInt(v));
                }
            }
            int from = ends.get(0);
            int to = ends.get(ends.size() - 1);
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }
}
