package dev.jobgen.time;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Developer tool: runs every conformance row and prints the failures grouped by source. */
public final class ConformanceSummary {
    private ConformanceSummary() {}

    public static void main(String[] args) {
        Map<String, int[]> counts = new TreeMap<>();
        int shown = 0;
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String filter = args.length > 1 ? args[1] : "";
        for (ConformanceRow row : ConformanceRow.load()) {
            if (row.loopGuard()) {
                continue;
            }
            Optional<String> m = row.mismatch();
            int[] c = counts.computeIfAbsent(row.source(), k -> new int[2]);
            c[0]++;
            if (m.isPresent()) {
                c[1]++;
                if (shown < limit && m.get().contains(filter)) {
                    shown++;
                    System.out.println(row.line() + " [" + row.source() + "] " + row.tz() + " " + row.base() + " '" + row.expr()
                            + "': " + m.get());
                }
            }
        }
        counts.forEach((k, v) -> System.out.println(k + ": " + (v[0] - v[1]) + "/" + v[0]));
    }
}
