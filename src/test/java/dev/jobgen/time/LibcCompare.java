package dev.jobgen.time;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** Developer tool: replays mktime() calls recorded from glibc and prints where the model differs. */
public final class LibcCompare {
    private LibcCompare() {}

    public static void main(String[] args) throws Exception {
        String zone = args[0];
        String f = zone.replace('/', '_');
        List<String> in = Files.readAllLines(Path.of("/tmp/mk-" + f + ".in"));
        List<String> out = Files.readAllLines(Path.of("/tmp/mk-" + f + ".out"));
        LibcTime libc = new LibcTime(TzData.local(ZoneId.of(zone)));
        int bad = 0;
        for (int i = 0; i < in.size(); i++) {
            String[] a = in.get(i).split(" ");
            BrokenDownTime tm = new BrokenDownTime();
            tm.year = Integer.parseInt(a[0]);
            tm.mon = Integer.parseInt(a[1]);
            tm.mday = Integer.parseInt(a[2]);
            tm.hour = Integer.parseInt(a[3]);
            tm.min = Integer.parseInt(a[4]);
            tm.sec = Integer.parseInt(a[5]);
            tm.isdst = Integer.parseInt(a[6]);
            long t = libc.mktime(tm);
            String got = t + " " + tm.year + " " + tm.mon + " " + tm.mday + " " + tm.hour + " " + tm.min + " " + tm.sec + " " + tm.isdst;
            if (!got.equals(out.get(i)) && bad++ < 8) {
                System.out.println(zone + " line " + (i + 1) + " in " + in.get(i) + " glibc " + out.get(i) + " model " + got);
            }
        }
        System.out.println(zone + ": " + bad + " differences of " + in.size());
    }
}
