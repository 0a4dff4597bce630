package dev.jobgen.time;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a cron schedule becomes in a timer: calendar events ({@code OnCalendar=}, one line each, a
 * timer elapses when any of them does) or "once after boot" ({@code OnBootSec=}).
 */
public sealed interface CronTranslation permits CronTranslation.Calendar, CronTranslation.AtBoot {

    <R> R match(Function<Calendar, R> calendar, Function<AtBoot, R> atBoot);

    /**
     * One or more systemd calendar expressions, each already in systemd's normalized form (what
     * {@code systemd-analyze calendar} prints as "Normalized form"), e.g. {@code *-*-* 02:00:00}.
     */
    record Calendar(List<String> onCalendar) implements CronTranslation {
        public Calendar {
            onCalendar = List.copyOf(onCalendar);
            if (onCalendar.isEmpty()) {
                throw new IllegalArgumentException("no OnCalendar= lines");
            }
        }

        @Override
        public <R> R match(Function<Calendar, R> calendar, Function<AtBoot, R> atBoot) {
            return calendar.apply(this);
        }
    }

    /** {@code @reboot}: the planner writes {@code OnBootSec=} instead of {@code OnCalendar=}. */
    record AtBoot() implements CronTranslation {
        @Override
        public <R> R match(Function<Calendar, R> calendar, Function<AtBoot, R> atBoot) {
            return atBoot.apply(this);
        }
    }

    static Calendar calendar(List<String> lines) {
        return new Calendar(Objects.requireNonNull(lines));
    }
}
