package dev.jobgen.time;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Developer tool: the slowest expressions of a NUL-separated list, five elapses each. */
public final class TimeEach {
    private TimeEach() {}

    public static void main(String[] args) throws Exception {
        String[] exprs = new String(Files.readAllBytes(Path.of(args[0])), java.nio.charset.StandardCharsets.UTF_8).split("\0");
        ZoneId zone = ZoneId.of(args[1]);
        for (int round = 0; round < Integer.parseInt(args.length > 2 ? args[2] : "1") - 1; round++) {
            run(exprs, zone, new ArrayList<>());
        }
        List<Object[]> times = new ArrayList<>();
        long total0 = System.nanoTime();
        run(exprs, zone, times);
        System.out.println("total ms " + (System.nanoTime() - total0) / 1e6);
        times.sort((a, b) -> Double.compare((double) b[0], (double) a[0]));
        times.stream().limit(15).forEach(t -> System.out.printf("%8.1f ms  %s%n", t[0], t[1]));
    }

    private static void run(String[] exprs, ZoneId zone, List<Object[]> times) {
        for (String e : exprs) {
            long t0 = System.nanoTime();
            try {
                CalendarSpec s = CalendarSpec.parse(e, zone);
                Instant at = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < 5; i++) {
                    var n = s.next(at);
                    if (n.isEmpty()) {
                        break;
                    }
                    at = n.get();
                }
            } catch (CalendarException ex) {
                // invalid: parse time only
            }
            times.add(new Object[] {(System.nanoTime() - t0) / 1_000_000.0, e});
        }
    }
}
