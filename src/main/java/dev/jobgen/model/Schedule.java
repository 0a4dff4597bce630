package dev.jobgen.model;

import dev.jobgen.time.TimeSpan;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** When a job runs: systemd calendar expressions, a classic cron line, or a monotonic interval. */
public sealed interface Schedule permits Schedule.Calendar, Schedule.Cron, Schedule.Every {

    <R> R match(Function<Calendar, R> calendar, Function<Cron, R> cron, Function<Every, R> every);

    /** The {@code OnCalendar=} expressions this schedule elapses at (empty for monotonic schedules). */
    List<String> calendarExpressions();

    /** {@code schedule:} expressions, exactly as written (the zone goes on as a suffix at planning). */
    record Calendar(List<String> expressions) implements Schedule {
        public Calendar {
            expressions = List.copyOf(expressions);
        }

        @Override
        public <R> R match(Function<Calendar, R> calendar, Function<Cron, R> cron, Function<Every, R> every) {
            return calendar.apply(this);
        }

        @Override
        public List<String> calendarExpressions() {
            return expressions;
        }
    }

    /**
     * {@code cron:}: the line as written and its translation into calendar expressions with
     * cron's meaning; {@code atBoot} for {@code @reboot}.
     */
    record Cron(String expression, List<String> translated, boolean atBoot) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
            translated = List.copyOf(translated);
        }

        @Override
        public <R> R match(Function<Calendar, R> calendar, Function<Cron, R> cron, Function<Every, R> every) {
            return cron.apply(this);
        }

        @Override
        public List<String> calendarExpressions() {
            return translated;
        }
    }

    /** {@code every:}: after boot, then again that long after each activation. */
    record Every(TimeSpan interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
        }

        @Override
        public <R> R match(Function<Calendar, R> calendar, Function<Cron, R> cron, Function<Every, R> every) {
            return every.apply(this);
        }

        @Override
        public List<String> calendarExpressions() {
            return List.of();
        }
    }
}
