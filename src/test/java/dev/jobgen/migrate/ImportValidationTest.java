package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Jobs the importer's own checks would let through but the compiler rejects are errors of their
 * crontab line: never written without --skip-invalid, left out with it.
 */
class ImportValidationTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static ImportedJob job(String name, int line, String command, Optional<String> timezone) {
        return new ImportedJob(name, "tab", line, Optional.empty(), "0 2 * * *", timezone, Optional.empty(),
                Optional.of(command), Optional.empty(), Optional.of("app"), new TreeMap<>(), Optional.empty(),
                Optional.empty(), true);
    }

    private static final CrontabImporter.Result IMPORTED = new CrontabImporter.Result(List.of(
            job("good", 1, "/usr/bin/good", Optional.empty()),
            job("bad-zone", 2, "/usr/bin/x", Optional.of("Mars/Olympus_Mons")),
            job("also-good", 3, "/usr/bin/also", Optional.empty())),
            List.of(ImportMessage.warning("tab", 3, "a warning stays")));

    @Test
    void aRejectedJobIsAnErrorOfItsLine() {
        ImportValidation.Outcome o = ImportValidation.check(IMPORTED, List.of("tab"), NOW, false);
        assertTrue(o.result().hasErrors());
        assertEquals(2, o.result().messages().size(), o.result().messages().toString());
        ImportMessage error = o.result().messages().get(0);
        assertEquals("tab", error.file());
        assertEquals(2, error.line());
        assertTrue(error.text().startsWith("the converted job does not validate: "), error.text());
        assertTrue(error.text().contains("Mars/Olympus_Mons"), error.text());
        assertEquals(3, o.result().jobs().size(), "without --skip-invalid nothing is dropped (and nothing may be written)");
        assertEquals(1, o.skipped());
    }

    @Test
    void skipInvalidLeavesTheRejectedJobOutAndTheRestValidates() {
        ImportValidation.Outcome o = ImportValidation.check(IMPORTED, List.of("tab"), NOW, true);
        assertEquals(List.of("good", "also-good"), o.result().jobs().stream().map(ImportedJob::name).toList());
        assertFalse(o.catalogue().contains("bad-zone"), o.catalogue());
        assertEquals(List.of(), ImportValidation.check(new CrontabImporter.Result(o.result().jobs(), List.of()), List.of("tab"), NOW,
                false).result().messages(), "the remaining catalogue validates");
        assertEquals(List.of("tab:2: error", "tab:3: warning"),
                o.result().messages().stream().map(m -> m.file() + ":" + m.line() + ": " + (m.error() ? "error" : "warning")).toList());
    }

    @Test
    void writtenJobLinesPointAtEachJob() {
        CatalogueWriter.Written w = CatalogueWriter.written(IMPORTED.jobs(), List.of("tab"));
        List<String> lines = w.text().lines().toList();
        for (int i = 0; i < IMPORTED.jobs().size(); i++) {
            ImportedJob job = IMPORTED.jobs().get(i);
            assertEquals("  # tab:" + job.line(), lines.get(w.jobLines().get(i) - 1));
            assertEquals("  " + job.name() + ":", lines.get(w.jobLines().get(i)));
        }
    }
}
