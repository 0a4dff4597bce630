package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerNameTest {
    @Test
    void derivedFromTheCatalogueFileName() {
        assertEquals("backups", OwnerName.fromCatalogueFileName("backups.yaml"));
        assertEquals("web-jobs", OwnerName.fromCatalogueFileName("Web Jobs.yml"));
        assertEquals("billing.v2", OwnerName.fromCatalogueFileName("billing.v2.yaml"));
        assertEquals("x", OwnerName.fromCatalogueFileName("--x.yaml"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OwnerName.fromCatalogueFileName(".yaml"));
        assertTrue(e.getMessage().contains("--owner"), e.getMessage());
    }

    @Test
    void explicitNamesMustBeSafeFileNames() {
        for (String bad : List.of("", "../etc", "a/b", ".hidden", "UPPER", "with space")) {
            assertThrows(IllegalArgumentException.class, () -> OwnerName.validate(bad), bad);
        }
        assertEquals("ops_2", OwnerName.validate("ops_2"));
    }

    @Test
    void requestsRejectNamesThatAreNotOneUnitFile() {
        Path root = Path.of("/tmp/never-written");
        for (String bad : List.of("../evil.service", "sub/x.service", ".x.service", "x.conf", "x.service.jobgen-new")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new InstallRequest(root, "ops", List.of(Units.file(bad, "")), Set.of(), false), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new InstallRequest(root, "ops",
                List.of(Units.file("a.service", ""), Units.file("a.service", "")), Set.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new InstallRequest(root, "ops",
                List.of(Units.file("a.service", "")), Set.of("b.timer"), false));
    }
}
