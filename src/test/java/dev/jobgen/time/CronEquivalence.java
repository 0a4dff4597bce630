package dev.jobgen.time;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** Shared by the equivalence tests: translate, compare a calendar's minutes with cron's, report. */
final class CronEquivalence {
    private final List<String> failures = new ArrayList<>();
    private int checked;

    static List<String> corpus() {
        List<String> all = new ArrayList<>(CronCorpus.FORMS);
        all.addAll(CronCorpus.random(20261123L, 300));
        return all;
    }

    /** The OnCalendar lines for {@code cron}; UTC gets no suffix, other zones do. */
    static List<String> lines(String cron, ZoneId zone) {
        try {
            Optional<ZoneId> suffix = zone.getId().equals("UTC") ? Optional.empty() : Optional.of(zone);
            return CronTranslator.translate(CronExpression.parse(cron), suffix)
                    .match(CronTranslation.Calendar::onCalendar, boot -> List.<String>of());
        } catch (CronException e) {
            throw new AssertionError(cron + ": " + e.getMessage(), e);
        }
    }

    /** Records a failure unless {@code calendar} and {@code cron} agree on the first {@code limit} minutes. */
    void compare(String expression, List<String> lines, MinuteTable table, BitSet calendar, BitSet cron, int limit) {
        checked++;
        BitSet a = (BitSet) calendar.clone();
        BitSet b = (BitSet) cron.clone();
        a.clear(limit, table.size());
        b.clear(limit, table.size());
        if (a.equals(b)) {
            return;
        }
        BitSet onlyCalendar = (BitSet) a.clone();
        onlyCalendar.andNot(b);
        BitSet onlyCron = (BitSet) b.clone();
        onlyCron.andNot(a);
        failures.add("'" + expression + "' -> " + lines + ": calendar only at " + sample(onlyCalendar, table)
                + ", cron only at " + sample(onlyCron, table));
    }

    void fail(String message) {
        failures.add(message);
    }

    private static String sample(BitSet bits, MinuteTable table) {
        List<String> out = new ArrayList<>();
        for (int i = bits.nextSetBit(0); i >= 0 && out.size() < 3; i = bits.nextSetBit(i + 1)) {
            out.add(table.instant(i).toString());
        }
        return bits.cardinality() + " minutes " + out;
    }

    int checked() {
        return checked;
    }

    /** Empty when everything agreed; else the first few failures, one per line. */
    String report() {
        if (failures.isEmpty()) {
            return "";
        }
        return failures.size() + " of " + checked + " disagree:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(20, failures.size())));
    }
}
