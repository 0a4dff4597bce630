package dev.jobgen.bind;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a URL written literally into a catalogue looks like it carries a secret: a password,
 * a credential-named query parameter, or a random-looking key in its path or query (a
 * Healthchecks ping UUID, a Slack webhook token). Units are world-readable and the runner's
 * command line shows in {@code ps}, so such URLs belong in a file. A guess, so a warning.
 */
final class SecretUrls {
    private static final Set<String> SECRET_PARAMS = Set.of("token", "key", "apikey", "api_key", "api-key", "secret", "password",
            "pass", "passwd", "sig", "signature", "auth", "access_token", "private_token");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RANDOM = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}");

    private SecretUrls() {}

    /** Why {@code url} looks secret, or empty. Template placeholders ({@code {job}}) are not secrets. */
    static Optional<String> why(String url) {
        URI uri;
        try {
            uri = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(uri.getRawUserInfo().contains(":") ? "a password in it" : "a user name in it");
        }
        for (String segment : nullToEmpty(uri.getRawPath()).split("/")) {
            Optional<String> w = randomLooking(segment, "its path");
            if (w.isPresent()) {
                return w;
            }
        }
        for (String pair : nullToEmpty(uri.getRawQuery()).split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq > 0 && SECRET_PARAMS.contains(name) && eq < pair.length() - 1) {
                return Optional.of("a '" + name + "' query parameter");
            }
            Optional<String> w = randomLooking(eq < 0 ? pair : pair.substring(eq + 1), "its query");
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> randomLooking(String part, String where) {
        if (part.contains("%7B")) {
            return Optional.empty();
        }
        if (UUID.matcher(part).matches()) {
            return Optional.of("a UUID in " + where + ", like a ping key");
        }
        return RANDOM.matcher(part).matches() ? Optional.of("a random-looking token in " + where) : Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
