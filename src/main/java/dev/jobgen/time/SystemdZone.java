package dev.jobgen.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The local zone as systemd-analyze prints it: glibc's abbreviation of an instant ({@code CET},
 * {@code +1030}, {@code IST}; tzdata abbreviations, which java.time does not carry) and whether
 * the zone counts as UTC ({@code timezone == 0 && daylight == 0}), in which case systemd-analyze
 * leaves out its "(in UTC)" lines.
 */
public final class SystemdZone {
    private final ZoneId zone;
    private final TzZone tz;
    private final String[] names;

    private SystemdZone(ZoneId zone) {
        this.zone = zone;
        this.tz = TzData.local(zone);
        this.names = TzData.abbreviations(zone);
    }

    public static SystemdZone of(ZoneId zone) {
        return new SystemdZone(zone);
    }

    public ZoneId zoneId() {
        return zone;
    }

    /** The abbreviation glibc's strftime("%Z") prints for {@code t} in this zone. */
    public String abbreviation(Instant t) {
        String name = names[tz.isDst(t.getEpochSecond()) ? 1 : 0];
        return name.isEmpty() ? zone.getId() : name;
    }

    /** True when the zone has a zero offset and no daylight-saving time, as UTC itself. */
    public boolean isUtcLike(Instant now) {
        ZoneRules rules = zone.getRules();
        return rules.getStandardOffset(now).getTotalSeconds() == 0 && rules.getTransitionRules().isEmpty()
                && rules.nextTransition(now) == null && !rules.isDaylightSavings(now);
    }
}
