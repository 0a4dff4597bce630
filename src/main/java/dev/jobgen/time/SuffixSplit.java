package dev.jobgen.time;

import java.time.ZoneId;

/**
 * Splits the zone suffix off a calendar event the way systemd 252 does, before anything else is
 * parsed: first {@code " UTC"} in any case; then the local zone's abbreviations (glibc
 * {@code tzname[0]}, then {@code tzname[1]}, compared case-insensitively and only after a blank),
 * which become a DST flag; then whatever follows the last blank, if it names a zone file.
 *
 * @param body the text left to parse
 * @param zone the suffix found, {@code Local(-1)} when none
 */
record SuffixSplit(String body, SpecZone zone) {
    static SuffixSplit of(String text, ZoneId localZone) {
        if (endsWithIgnoreCase(text, " UTC")) {
            return new SuffixSplit(text.substring(0, text.length() - 4), new SpecZone.Utc());
        }
        String[] names = TzData.abbreviations(localZone);
        for (int dst = 0; dst <= 1; dst++) {
            String name = names[dst];
            if (name.isEmpty() || !endsWithIgnoreCase(text, name)) {
                continue;
            }
            int e = text.length() - name.length();
            if (e == 0 || text.charAt(e - 1) != ' ') {
                continue;
            }
            return new SuffixSplit(text.substring(0, e - 1), new SpecZone.Local(dst, name));
        }
        int space = text.lastIndexOf(' ');
        if (space >= 0) {
            String name = text.substring(space + 1);
            var zone = TzData.lookup(name);
            if (zone.isPresent()) {
                return new SuffixSplit(text.substring(0, space), new SpecZone.Named(name, zone.get()));
            }
        }
        return new SuffixSplit(text, new SpecZone.Local(-1, ""));
    }

    /** ASCII case-insensitive, like strcasecmp() in the C locale. */
    static boolean endsWithIgnoreCase(String text, String suffix) {
        int off = text.length() - suffix.length();
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (lower(text.charAt(off + i)) != lower(suffix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
