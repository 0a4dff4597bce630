package dev.jobgen.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules jobgen enforces before systemd would: jobs, users and groups, lock groups. */
public final class Names {
    public static final String JOB_NAME_PATTERN = "[a-z0-9][a-z0-9_.-]*";
    private static final Pattern JOB = Pattern.compile(JOB_NAME_PATTERN);
    // systemd's relaxed user/group name rules (man systemd.exec, User=): no leading digit or dash
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,30}\\$?");
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,10}");
    /** systemd's UNIT_NAME_MAX. */
    public static final int UNIT_NAME_MAX = 255;

    private Names() {}

    /** Why {@code name} is not a usable job name with this prefix, if it is not. */
    public static Optional<String> jobNameProblem(String name, String prefix) {
        if (!JOB.matcher(name).matches()) {
            return Optional.of("use lower-case letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        if (prefix.length() + name.length() + ".service".length() > UNIT_NAME_MAX) {
            return Optional.of("the unit name would be longer than " + UNIT_NAME_MAX + " characters");
        }
        return Optional.empty();
    }

    public static boolean isUserOrGroup(String name) {
        if (NUMERIC_ID.matcher(name).matches()) {
            long id = Long.parseLong(name);
            return id < 4294967295L && id != 65535; // (uid_t)-1 and 16-bit -1 are invalid ids
        }
        return USER.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    public static boolean isLockGroup(String name) {
        return JOB.matcher(name).matches() && name.length() <= 200;
    }
}
