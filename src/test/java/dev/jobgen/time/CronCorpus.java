package dev.jobgen.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Cron expressions for the equivalence tests: every syntactic form by hand, plus seeded random ones. */
final class CronCorpus {
    private CronCorpus() {}

    static final List<String> FORMS = List.of(
            "* * * * *", "0 * * * *", "*/15 * * * *", "1-30/5 * * * *", "5,35 * * * *", "0-59/20 * * * *",
            "0 2 * * *", "15 14 1 * *", "0 22 * * 1-5", "23 0-23/2 * * *", "5 4 * * sun", "59 23 31 12 *",
            // crontab(5)'s own example of the OR rule, and its relatives
            "30 4 1,15 * 5", "0 9 1 * 5", "0 9 * * 1-5", "0 0 1,15 * 1", "0 0 13 * fri",
            // OR where one side covers every day: runs daily
            "0 0 1-31 * 1", "0 0 15 * 0-6", "0 0 15 * 0-7",
            // a field starting with '*' is not a restriction: AND
            "0 0 1-7 * */2", "0 0 */2 * mon", "0 0 */2 * *", "0 0 */1 * 1", "0 6 * * */3",
            // Sunday as 0 and 7, ranges through 7
            "0 0 * * 0", "0 0 * * 7", "0 0 * * 5-7", "0 0 * * 0-7", "0 0 * * 6,7", "0 0 * * 0,7",
            // names in any case, in lists and ranges
            "0 12 * jan,JUL *", "0 12 * Mar-May Mon-Fri", "0 12 * * SUN", "0 12 * dec * ", "0 12 1 Feb-aug/2 *",
            "0 0 1 */3 *", "0 0,12 1 */2 *", "*/7 */5 */3 */2 */3", "0 0 31 * *", "0 0 30 2 *", "0 0 29 2 *",
            "0 0 1 1 *", "0 0 1 * mon-fri", "0 0 1-7 * 1", "10-50/10 8-18/2 * * 1-5", "0 0 * * 1,3,5", "0 0 * * 1,2",
            // DST windows (in Europe/Berlin the changes happen on Sundays between 02:00 and 03:00)
            "30 2 * * *", "30 * * * *", "0,30 1-3 * * *", "*/10 2 * * 0", "0 2 * 3 *", "15 2 * 10 sun",
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    /** {@code count} random expressions from a fixed seed, biased away from "every minute". */
    static List<String> random(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(String.join(" ",
                    field(rnd, 0, 59, null, 0.05),
                    field(rnd, 0, 23, null, 0.3),
                    field(rnd, 1, 31, null, 0.4),
                    field(rnd, 1, 12, MONTHS, 0.5),
                    field(rnd, 0, 7, DAYS, 0.4)));
        }
        return out;
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    // 7 has no name: "sun" is 0 in cron, so "fri-sun" would run backwards
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    private static String field(Random rnd, int lo, int hi, String[] names, double star) {
        double r = rnd.nextDouble();
        if (r < star) {
            return "*";
        }
        if (r < star + 0.1) {
            return "*/" + (1 + rnd.nextInt(hi - lo + 1));
        }
        int parts = rnd.nextDouble() < 0.3 ? 2 + rnd.nextInt(2) : 1;
        List<String> items = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            items.add(item(rnd, lo, hi, names));
        }
        return String.join(",", items);
    }

    private static String item(Random rnd, int lo, int hi, String[] names) {
        int a = lo + rnd.nextInt(hi - lo + 1);
        double kind = rnd.nextDouble();
        if (kind < 0.5) {
            return value(rnd, a, lo, names);
        }
        int b = a + rnd.nextInt(hi - a + 1);
        String range = value(rnd, a, lo, names) + "-" + value(rnd, b, lo, names);
        return kind < 0.75 ? range : range + "/" + (1 + rnd.nextInt(Math.max(1, (hi - lo) / 2)));
    }

    private static String value(Random rnd, int v, int lo, String[] names) {
        if (names == null || v - lo >= names.length || rnd.nextDouble() < 0.6) {
            return Integer.toString(v);
        }
        String name = names[v - lo];
        return rnd.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
