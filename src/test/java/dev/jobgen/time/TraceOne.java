package dev.jobgen.time;

import java.time.Instant;
import java.time.ZoneId;

/** Developer tool: prints the mktime() calls of one elapse search. */
public final class TraceOne {
    private TraceOne() {}

    public static void main(String[] args) throws Exception {
        CalendarSpec spec = CalendarSpec.parse(args[1], ZoneId.of(args[0]));
        LibcTime.trace = true;
        System.err.println(spec.next(Instant.ofEpochSecond(Long.parseLong(args[2]))));
    }
}
