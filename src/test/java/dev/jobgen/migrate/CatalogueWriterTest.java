package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.bind.CatalogueBinder;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.CatalogueLoader;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.model.OnFailure;
import dev.jobgen.model.Schedule;
import dev.jobgen.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the writer emits, read back by the real loader and binder, gives every job exactly the
 * settings the importer decided, although shared ones are written once under {@code defaults:}.
 */
class CatalogueWriterTest {
    private static final String CRONTAB = String.join("\n",
            "CRON_TZ=Europe/Berlin",
            "MAILTO=ops@example.com",
            "PATH=/usr/bin:/bin",
            "A=1",
            "# yes: a description that YAML would read as a boolean without quotes",
            "0 2 * * * /usr/bin/a --x",
            "A=2",
            "B=\"two words: and # more\"",
            "*/5 * * * mon-fri /usr/bin/a | /usr/bin/logger",
            "CRON_TZ=UTC",
            "MAILTO=",
            "@reboot flock -n /run/x.lock /usr/bin/warm",
            "");

    @Test
    void boundJobsCarryExactlyTheImportedSettings() {
        CrontabImporter.Result result = CrontabImporter.importAll(List.of(new CrontabImporter.Source("tab", CRONTAB, false)));
        String yaml = CatalogueWriter.write(result.jobs(), List.of("tab"));
        assertTrue(yaml.contains("\ndefaults:\n  catch-up: false  # as with cron, runs missed while the machine was off are not made up\n"
                + "  timeout: infinity  # as with cron, no run is stopped; set a timeout where one should be\n"
                + "  environment:\n    PATH: /usr/bin:/bin\njobs:\n"), yaml);

        Diagnostics diagnostics = new Diagnostics();
        Catalogue catalogue = CatalogueLoader.load("c.yaml", yaml, diagnostics)
                .flatMap(root -> CatalogueBinder.bind("c.yaml", Optional.of("/etc/jobgen/c.yaml"), root,
                        Fixtures.NOW, diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals(result.jobs().size(), catalogue.jobs().size());
        for (int i = 0; i < result.jobs().size(); i++) {
            ImportedJob want = result.jobs().get(i);
            Job got = catalogue.jobs().get(i);
            assertEquals(want.name(), got.name());
            assertEquals(want.description(), got.description());
            assertEquals(want.cron(), ((Schedule.Cron) got.timer().schedule()).expression());
            assertEquals(want.timezone(), got.timer().timezone());
            assertEquals(want.user(), got.execution().user());
            assertEquals(want.environment(), got.execution().environment(), want.name());
            assertEquals(want.email(), got.alerts().onFailure().flatMap(OnFailure::email), want.name());
            assertFalse(got.timer().catchUp(), "cron does not make up missed runs");
            assertTrue(got.runner().timeout().isInfinite(), "cron never stops a run");
        }
        assertEquals(Optional.of("Europe/Berlin"), catalogue.jobs().get(0).timer().timezone());
        assertEquals("1", catalogue.jobs().get(0).execution().environment().get("A"));
        assertEquals("two words: and # more", catalogue.jobs().get(1).execution().environment().get("B"));
        assertEquals(Optional.empty(), catalogue.jobs().get(2).alerts().onFailure().flatMap(OnFailure::email));
    }
}
