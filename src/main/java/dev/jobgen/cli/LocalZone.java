package dev.jobgen.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The local zone from the environment, read as glibc reads {@code TZ}: a zone name (an optional
 * leading ':' is dropped); unset means the system zone; a name that is no zone means UTC.
 */
final class LocalZone {
    private LocalZone() {}

    static ZoneId from(Map<String, String> env) {
        String tz = env.get("TZ");
        if (tz == null) {
            return ZoneId.systemDefault();
        }
        if (tz.startsWith(":")) {
            tz = tz.substring(1);
        }
        if (tz.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
