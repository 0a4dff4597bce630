package dev.jobgen.monitors;

import java.util.List;

/**
 * When the provider should expect a job's ping, in the most exact form it accepts: the job's own
 * calendar expressions, an equivalent cron line, or a period (the longest gap between elapses).
 */
public sealed interface ExpectedSchedule {

    /** "calendar", "cron" or "period": which form was used, for the plan's report. */
    String form();

    /** The timer's {@code OnCalendar=} expressions (zone suffixes included), in {@code timezone}. */
    record Calendar(List<String> expressions, String timezone) implements ExpectedSchedule {
        public Calendar {
            expressions = List.copyOf(expressions);
        }

        @Override
        public String form() {
            return "calendar";
        }
    }

    /** A five-field cron line with cron's meaning, evaluated in {@code timezone}. */
    record Cron(String expression, String timezone) implements ExpectedSchedule {
        @Override
        public String form() {
            return "cron";
        }
    }

    /** A ping at least every {@code seconds}. */
    record Period(long seconds) implements ExpectedSchedule {
        @Override
        public String form() {
            return "period";
        }
    }
}
