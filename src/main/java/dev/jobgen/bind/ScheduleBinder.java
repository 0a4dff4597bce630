package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Schedule;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code schedule:}, {@code cron:} or {@code every:}, checked with the one calendar engine. A
 * job's {@code timezone:} becomes the zone suffix of each expression, so the expressions are
 * checked exactly as the timer will carry them.
 */
final class ScheduleBinder {
    private static final List<String> KINDS = List.of("schedule", "cron", "every");

    private final String job;
    private final Fields f;
    private final Optional<String> timezone;
    private final Instant now;

    ScheduleBinder(String job, Fields f, Optional<String> timezone, Instant now) {
        this.now = now;
        this.job = job;
        this.f = f;
        this.timezone = timezone;
    }

    static Optional<String> timezone(Fields f) {
        return f.scalar("timezone").flatMap(s -> {
            try {
                ZoneId.of(s.text());
                if (s.text().equals("UTC") || s.text().contains("/") || ZoneId.getAvailableZoneIds().contains(s.text())) {
                    return Optional.of(s.text());
                }
            } catch (DateTimeException e) {
                // reported below
            }
            f.diagnostics().error(DiagnosticCode.INVALID_TIMEZONE, s.at(), s.text());
            return Optional.empty();
        });
    }

    Optional<Schedule> bind() {
        List<String> given = KINDS.stream().filter(f::has).toList();
        if (given.isEmpty()) {
            if (KINDS.stream().noneMatch(f::misspelt)) {
                f.diagnostics().error(DiagnosticCode.MISSING_SCHEDULE, f.at(), job);
            }
            return Optional.empty();
        }
        if (given.size() > 1) {
            f.diagnostics().error(DiagnosticCode.CONFLICTING_SCHEDULE, f.keyAt(given.get(1)), job, "'" + String.join("', '", given) + "'");
            return Optional.empty();
        }
        switch (given.get(0)) {
            case "schedule":
                return calendar();
            case "cron":
                return cron();
            default:
                return every();
        }
    }

    private Optional<Schedule> calendar() {
        Optional<List<YNode.Scalar>> items = f.scalars("schedule", true);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            f.diagnostics().error(DiagnosticCode.MISSING_SCHEDULE, f.valueAt("schedule"), job);
            return Optional.empty();
        }
        List<String> expressions = new ArrayList<>();
        boolean ok = true;
        for (YNode.Scalar s : items.get()) {
            Optional<String> checked = checkCalendar(s);
            ok &= checked.isPresent();
            checked.ifPresent(expressions::add);
        }
        return ok ? Optional.of(new Schedule.Calendar(expressions)) : Optional.empty();
    }

    /** The expression as the timer will carry it (zone suffix added), if systemd accepts it. */
    private Optional<String> checkCalendar(YNode.Scalar s) {
        String text = s.text();
        CalendarSpec spec;
        try {
            spec = CalendarSpec.parse(text, ZoneOffset.UTC);
        } catch (CalendarException e) {
            f.diagnostics().error(DiagnosticCode.INVALID_CALENDAR, s.charAt(e.index()), text, e.getMessage());
            return Optional.empty();
        }
        String zoned = text;
        if (timezone.isPresent()) {
            if (spec.zoneName().isPresent()) {
                f.diagnostics().errorWithHint(DiagnosticCode.INVALID_CALENDAR, s.at(),
                        "drop the zone from the expression or the job's 'timezone:'", text,
                        "it names the zone " + spec.zoneName().get() + " and the job has 'timezone: " + timezone.get() + "'");
                return Optional.empty();
            }
            zoned = text + " " + timezone.get();
            try {
                spec = CalendarSpec.parse(zoned, ZoneOffset.UTC);
            } catch (CalendarException e) {
                f.diagnostics().error(DiagnosticCode.INVALID_CALENDAR, s.at(), zoned, e.getMessage());
                return Optional.empty();
            }
        }
        if (spec.next(now).isEmpty()) {
            f.diagnostics().error(DiagnosticCode.NEVER_ELAPSES, s.at(), text,
                    " after " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            return Optional.empty();
        }
        return Optional.of(zoned);
    }

    private Optional<Schedule> cron() {
        return f.scalar("cron").flatMap(s -> CronBinding.bind(s, timezone, f.diagnostics()));
    }

    private Optional<Schedule> every() {
        return f.span("every").flatMap(span -> {
            if (span.usec() == 0 || span.isInfinite()) {
                f.diagnostics().error(DiagnosticCode.INVALID_VALUE, f.valueAt("every"), "every", "must be a finite span longer than 0");
                return Optional.empty();
            }
            if (timezone.isPresent()) {
                f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, f.keyAt("timezone"),
                        "'every' counts from boot and from the last run; drop 'timezone'", "timezone", "has no meaning with 'every'");
                return Optional.empty();
            }
            return Optional.of(new Schedule.Every(span));
        });
    }

}
