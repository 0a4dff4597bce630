package dev.jobgen.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.diag.Diagnostic;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.CatalogueLoader;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Schedule;
import dev.jobgen.plan.Section;
import dev.jobgen.plan.Unit;
import dev.jobgen.plan.UnitPlanner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cron:} through the whole compiler: translated lines in the timer, errors at the bad field. */
class CronBindingTest {
    /** Load, bind and plan (rendering is not needed to see the timer's directives). */
    private record Bound(List<Diagnostic> diagnostics, Optional<Catalogue> catalogue) {
        Section timer() {
            Unit unit = UnitPlanner.plan(catalogue.orElseThrow(), new Diagnostics()).units().stream()
                    .filter(u -> u.kind() == Unit.Kind.TIMER).findFirst().orElseThrow();
            return unit.section("Timer").orElseThrow();
        }
    }

    private static Bound compile(String jobBody) {
        String text = "jobgen: 1\njobs:\n  report:\n    command: /usr/bin/report\n" + jobBody;
        Diagnostics diagnostics = new Diagnostics();
        Optional<Catalogue> catalogue = CatalogueLoader.load("c.yaml", text, diagnostics)
                .flatMap(root -> CatalogueBinder.bind("c.yaml", Optional.of("/etc/jobgen/c.yaml"), root, dev.jobgen.testing.Fixtures.NOW, diagnostics));
        return new Bound(diagnostics.sorted(), catalogue);
    }

    @Test
    void cronBecomesOnCalendarLinesWithTheZone() throws Exception {
        Bound c = compile("    cron: \"30 4 1,15 * 5\"\n    timezone: Europe/Berlin\n");
        assertEquals(List.of(), c.diagnostics());
        Schedule.Cron cron = (Schedule.Cron) c.catalogue().orElseThrow().jobs().get(0).timer().schedule();
        List<String> expected = List.of("*-*-01,15 04:30:00 Europe/Berlin", "Fri *-*-* 04:30:00 Europe/Berlin");
        assertEquals(expected, cron.translated());
        assertEquals(expected, c.timer().values("OnCalendar"));
    }

    @Test
    void rebootRunsOnceAfterBoot() throws Exception {
        Bound c = compile("    cron: \"@reboot\"\n");
        assertEquals(List.of(), c.diagnostics());
        assertEquals(1, c.timer().values("OnBootSec").size());
        assertEquals(List.of(), c.timer().values("OnCalendar"));
    }

    @Test
    void errorPointsAtTheBadField() throws Exception {
        Bound c = compile("    cron: \"0 25 * * *\"\n");
        Diagnostic d = c.diagnostics().get(0);
        assertEquals("invalid-cron", d.code().id());
        assertEquals(5, d.at().line());
        assertEquals(14, d.at().column(), d.headline()); // the "2" of 25
        assertTrue(d.message().contains("hour: 25 is out of range 0-23"), d.message());
    }
}
