package dev.jobgen.time;

import java.util.List;

/**
 * systemd 252's "Normalized form": {@code [WEEKDAYS ]YYYY-MM-DD HH:MM:SS[ ZONE]} with {@code *}
 * for open fields, {@code ~} for days from the end of the month, {@code ..} ranges whose step of
 * one is left out, and seconds with a six-digit fraction only when not whole. Weekdays print in
 * Monday-first order, runs of three or more as ranges ({@code Mon..Wed}), pairs as lists.
 */
final class CalendarPrinter {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final int USEC_PER_SEC = 1_000_000;

    private CalendarPrinter() {}

    static String print(CalendarFields f, CalendarDialect dialect) {
        StringBuilder b = new StringBuilder();
        if (f.weekdayBits() > 0) {
            weekdays(b, f.weekdayBits());
            b.append(' ');
        }
        chain(b, f.year(), 4, false);
        b.append('-');
        chain(b, f.month(), 2, false);
        b.append(f.endOfMonth() ? '~' : '-');
        chain(b, f.day(), 2, false);
        b.append(' ');
        chain(b, f.hour(), 2, false);
        b.append(':');
        chain(b, f.minute(), 2, false);
        b.append(':');
        if (dialect.keepsMovedFields() && everySecondBefore251(f.microsecond())) {
            b.append('*');
        } else {
            chain(b, f.microsecond(), 2, true, !dialect.keepsMovedFields());
        }
        SpecZone z = f.zone();
        if (z instanceof SpecZone.Utc) {
            b.append(" UTC");
        } else if (z instanceof SpecZone.Named n) {
            b.append(' ').append(n.name());
        } else if (z instanceof SpecZone.Local l && l.dst() >= 0 && !l.abbreviation().isEmpty()) {
            b.append(' ').append(l.abbreviation());
        }
        return b.toString();
    }

    /**
     * Before systemd 251 the seconds print as {@code *} when they are one entry starting at 0 with a
     * step of one second, whether it ends ({@code 0..3}) or not, and never when a list follows.
     */
    private static boolean everySecondBefore251(List<CalendarComponent> chain) {
        return chain != null && chain.size() == 1 && chain.get(0).start() == 0 && chain.get(0).repeat() == USEC_PER_SEC;
    }

    /** Weekday bits (bit 0 = Monday) as systemd prints them; also the cron translator's form. */
    static void weekdays(StringBuilder b, int bits) {
        boolean comma = false;
        int runStart = -1;
        for (int x = 0; x <= DAYS.length; x++) {
            boolean set = x < DAYS.length && (bits & (1 << x)) != 0;
            if (set && runStart < 0) {
                if (comma) {
                    b.append(',');
                }
                comma = true;
                b.append(DAYS[x]);
                runStart = x;
            } else if (!set && runStart >= 0) {
                if (x > runStart + 1) {
                    b.append(x > runStart + 2 ? ".." : ",").append(DAYS[x - 1]);
                }
                runStart = -1;
            }
        }
    }

    private static void chain(StringBuilder b, List<CalendarComponent> chain, int width, boolean usec) {
        chain(b, chain, width, usec, false);
    }

    /** {@code everySecondAsStar}: systemd 251 and later print seconds that start with {@code 0/1} as {@code *}. */
    private static void chain(StringBuilder b, List<CalendarComponent> chain, int width, boolean usec, boolean everySecondAsStar) {
        if (chain == null) {
            b.append('*');
            return;
        }
        int unit = usec ? USEC_PER_SEC : 1;
        // "0/1" covers every second, so systemd prints "*" whatever else the list holds
        if (everySecondAsStar && chain.get(0).start() == 0 && chain.get(0).stop() < 0 && chain.get(0).repeat() == USEC_PER_SEC) {
            b.append('*');
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            CalendarComponent c = chain.get(i);
            if (i > 0) {
                b.append(',');
            }
            value(b, c.start(), width, unit);
            if (c.stop() > 0) {
                b.append("..");
                value(b, c.stop(), width, unit);
            }
            if (c.repeat() > 0 && !(c.stop() > 0 && c.repeat() == unit)) {
                b.append('/');
                value(b, c.repeat(), 0, unit);
            }
        }
    }

    private static void value(StringBuilder b, int v, int width, int unit) {
        String whole = Integer.toString(v / unit);
        for (int i = whole.length(); i < width; i++) {
            b.append('0');
        }
        b.append(whole);
        if (v % unit != 0) {
            String frac = Integer.toString(v % unit);
            b.append('.').append("0".repeat(6 - frac.length())).append(frac);
        }
    }
}
