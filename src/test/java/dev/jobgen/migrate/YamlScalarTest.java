package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Whatever string goes in, snakeyaml (the loader the compiler uses) reads the same string back. */
class YamlScalarTest {
    private static Object roundTrip(String value) {
        Map<?, ?> m = new Yaml().load("k: " + YamlScalar.of(value) + "\n");
        return m.get("k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "null", "~", "true", "123", "0x1F", "1:20", "2026-01-01", ".inf",
        "-", "- x", "a: b", "a #b", "#x", "*x", "&x", "!x", "|", ">", "'", "\"", "%x", "@x", "`x", "{a}", "[a]", "a,b",
        " lead", "trail ", "", "tab\there", "new\nline", "back\\slash", "\u2028", "caf\u00e9", "emoji \ud83d\ude00",
        "/usr/bin:/bin", "http://x/y", "a:", "?x", "=", "<<"})
    void trickyStringsSurvive(String value) {
        assertEquals(value, roundTrip(value), YamlScalar.of(value));
    }

    @Test
    void commonValuesStayPlain() {
        for (String plain : List.of("backup-db", "/usr/local/bin/x --full", "ops@example.com", "Europe/Berlin",
                "/usr/local/bin:/usr/bin:/bin", "Nightly database backup (full dump, kept 14 days)")) {
            assertEquals(plain, YamlScalar.of(plain));
        }
    }

    @Test
    void randomStringsSurvive() {
        Random rnd = new Random(7);
        String alphabet = "aZ09 :#-'\"\\\t\n,[]{}&*!|>%@`?=~/.\u00e9\u0085\u2028";
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = rnd.nextInt(8); n > 0; n--) {
                s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            assertEquals(s.toString(), roundTrip(s.toString()), YamlScalar.of(s.toString()));
        }
    }

    /** Real crontab lines run to kilobytes (long pipelines, inline scripts): no size may break the writer. */
    @ParameterizedTest
    @ValueSource(ints = {1024, 1536, 4096, 16384, 102400})
    void longCommandsSurvive(int size) {
        String plain = ("/usr/bin/x --opt=" + "a/b.c d:e ".repeat(size / 10 + 1)).substring(0, size).strip();
        assertEquals(plain, YamlScalar.of(plain), "plain text stays plain");
        assertEquals(plain, roundTrip(plain));
        String quoted = "/usr/bin/x | " + "y \"$(z)\" ".repeat(size / 12 + 1);
        assertEquals(quoted, roundTrip(quoted));
    }
}
