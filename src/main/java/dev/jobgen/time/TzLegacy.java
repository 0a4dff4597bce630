package dev.jobgen.time;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zone names a default install of Debian 13 (systemd 257) and newer lacks: Debian moved the
 * deprecated links of the tz database ({@code EST}, {@code CET}, {@code UCT}, {@code Zulu},
 * {@code Europe/Kiev}, {@code US/Eastern}, ...) and the {@code posix/} and {@code right/} trees into
 * the package tzdata-legacy, so there systemd rejects a calendar event with such a suffix (the
 * matrix recorded 257 and 262 refusing them where 252 and 254 accept them). Not a systemd rule but
 * the machine's: the engine still accepts the names, and a lint warns.
 *
 * <p>The list is the difference between Debian 12's and Debian 13's /usr/share/zoneinfo (tzdata
 * 2026b and 2026f), each with the name it links to in Debian 13's tzdata.zi.
 */
public final class TzLegacy {
    /** The first systemd of a Debian release without the legacy names. */
    public static final int FIRST_SYSTEMD_WITHOUT = 257;
    private static final Map<String, String> CURRENT_NAME = pairs(
            "Africa/Asmera", "Africa/Asmara", "America/Argentina/ComodRivadavia", "America/Argentina/Catamarca",
            "America/Buenos_Aires", "America/Argentina/Buenos_Aires", "America/Catamarca", "America/Argentina/Catamarca",
            "America/Cordoba", "America/Argentina/Cordoba", "America/Fort_Wayne", "America/Indiana/Indianapolis",
            "America/Godthab", "America/Nuuk", "America/Indianapolis", "America/Indiana/Indianapolis",
            "America/Jujuy", "America/Argentina/Jujuy", "America/Knox_IN", "America/Indiana/Knox",
            "America/Louisville", "America/Kentucky/Louisville", "America/Mendoza", "America/Argentina/Mendoza",
            "America/Rosario", "America/Argentina/Cordoba", "Antarctica/South_Pole", "Antarctica/McMurdo",
            "Asia/Ashkhabad", "Asia/Ashgabat", "Asia/Calcutta", "Asia/Kolkata", "Asia/Choibalsan", "Asia/Ulaanbaatar",
            "Asia/Chungking", "Asia/Shanghai", "Asia/Dacca", "Asia/Dhaka", "Asia/Katmandu", "Asia/Kathmandu",
            "Asia/Macao", "Asia/Macau", "Asia/Rangoon", "Asia/Yangon", "Asia/Saigon", "Asia/Ho_Chi_Minh",
            "Asia/Thimbu", "Asia/Thimphu", "Asia/Ujung_Pandang", "Asia/Makassar", "Asia/Ulan_Bator", "Asia/Ulaanbaatar",
            "Atlantic/Faeroe", "Atlantic/Faroe", "Australia/ACT", "Australia/Sydney", "Australia/LHI", "Australia/Lord_Howe",
            "Australia/NSW", "Australia/Sydney", "Australia/North", "Australia/Darwin",
            "Australia/Queensland", "Australia/Brisbane", "Australia/South", "Australia/Adelaide",
            "Australia/Tasmania", "Australia/Hobart", "Australia/Victoria", "Australia/Melbourne",
            "Australia/West", "Australia/Perth", "Brazil/Acre", "America/Rio_Branco", "Brazil/DeNoronha", "America/Noronha",
            "Brazil/East", "America/Sao_Paulo", "Brazil/West", "America/Manaus", "CET", "Europe/Brussels",
            "CST6CDT", "America/Chicago", "Canada/Atlantic", "America/Halifax", "Canada/Central", "America/Winnipeg",
            "Canada/Eastern", "America/Toronto", "Canada/Mountain", "America/Edmonton",
            "Canada/Newfoundland", "America/St_Johns", "Canada/Pacific", "America/Vancouver",
            "Canada/Saskatchewan", "America/Regina", "Canada/Yukon", "America/Whitehorse",
            "Chile/Continental", "America/Santiago", "Chile/EasterIsland", "Pacific/Easter", "Cuba", "America/Havana",
            "EET", "Europe/Athens", "EST", "America/Panama", "EST5EDT", "America/New_York", "Egypt", "Africa/Cairo",
            "Eire", "Europe/Dublin", "Europe/Kiev", "Europe/Kyiv", "Europe/Uzhgorod", "Europe/Kyiv",
            "Europe/Zaporozhye", "Europe/Kyiv", "GB", "Europe/London", "GB-Eire", "Europe/London", "GMT+0", "Etc/GMT",
            "GMT-0", "Etc/GMT", "GMT0", "Etc/GMT", "Greenwich", "Etc/GMT", "HST", "Pacific/Honolulu",
            "Hongkong", "Asia/Hong_Kong", "Iceland", "Atlantic/Reykjavik", "Iran", "Asia/Tehran", "Israel", "Asia/Jerusalem",
            "Jamaica", "America/Jamaica", "Japan", "Asia/Tokyo", "Kwajalein", "Pacific/Kwajalein", "Libya", "Africa/Tripoli",
            "MET", "Europe/Brussels", "MST", "America/Phoenix", "MST7MDT", "America/Denver",
            "Mexico/BajaNorte", "America/Tijuana", "Mexico/BajaSur", "America/Mazatlan", "Mexico/General", "America/Mexico_City",
            "NZ", "Pacific/Auckland", "NZ-CHAT", "Pacific/Chatham", "Navajo", "America/Denver", "PRC", "Asia/Shanghai",
            "PST8PDT", "America/Los_Angeles", "Pacific/Enderbury", "Pacific/Kanton", "Pacific/Ponape", "Pacific/Pohnpei",
            "Pacific/Truk", "Pacific/Chuuk", "Poland", "Europe/Warsaw", "Portugal", "Europe/Lisbon", "ROC", "Asia/Taipei",
            "ROK", "Asia/Seoul", "Singapore", "Asia/Singapore", "Turkey", "Europe/Istanbul", "UCT", "Etc/UTC",
            "US/Alaska", "America/Anchorage", "US/Aleutian", "America/Adak", "US/Arizona", "America/Phoenix",
            "US/Central", "America/Chicago", "US/East-Indiana", "America/Indiana/Indianapolis", "US/Eastern", "America/New_York",
            "US/Hawaii", "Pacific/Honolulu", "US/Indiana-Starke", "America/Indiana/Knox", "US/Michigan", "America/Detroit",
            "US/Mountain", "America/Denver", "US/Pacific", "America/Los_Angeles", "US/Samoa", "Pacific/Pago_Pago",
            "Universal", "Etc/UTC", "W-SU", "Europe/Moscow", "WET", "Europe/Lisbon", "Zulu", "Etc/UTC");

    private TzLegacy() {}

    /**
     * Whether systemd may read {@code zone} as the abbreviation of a node's own local time rather than
     * as the zone file: some other zone abbreviates its time so ({@code EST} in New York, {@code CET} in
     * Berlin; not {@code PRC} or {@code UCT}, which no zone uses as an abbreviation).
     */
    public static boolean isSomeZonesAbbreviation(String zone) {
        return TzData.isOtherZonesAbbreviation(zone);
    }

    /**
     * The name to use instead of {@code zone} when {@code zone} is a legacy name: the zone it links
     * to, or for {@code posix/X} and {@code right/X} the zone {@code X} (right/ also counts leap
     * seconds, which no timer wants).
     */
    public static Optional<String> currentName(String zone) {
        for (String tree : new String[] {"posix/", "right/"}) {
            if (zone.startsWith(tree) && zone.length() > tree.length()) {
                String rest = zone.substring(tree.length());
                return Optional.of(CURRENT_NAME.getOrDefault(rest, rest));
            }
        }
        return Optional.ofNullable(CURRENT_NAME.get(zone));
    }

    /** The current name, when {@code zone} is missing from a default install of that systemd's Debian. */
    public static Optional<String> missingOn(int systemdVersion, String zone) {
        return systemdVersion >= FIRST_SYSTEMD_WITHOUT ? currentName(zone) : Optional.empty();
    }

    private static Map<String, String> pairs(String... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (out.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalArgumentException("zone named twice: " + pairs[i]);
            }
        }
        return Map.copyOf(out);
    }
}
