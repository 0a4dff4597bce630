package dev.jobgen.render;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where unit templates come from: the ones packaged in the jar, optionally overridden one by one
 * by a user's {@code --templates DIR} (read by the CLI and handed in as text, so rendering
 * stays pure).
 */
public final class TemplateSource {
    public static final String CLASSPATH_ROOT = "templates/";
    private final Map<String, String> overrides;

    private TemplateSource(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static TemplateSource builtIn() {
        return new TemplateSource(Map.of());
    }

    /** Built-in templates, with {@code overrides} (file name to text) taking precedence. */
    public static TemplateSource withOverrides(Map<String, String> overrides) {
        return new TemplateSource(new TreeMap<>(overrides));
    }

    Optional<String> override(String name) {
        return Optional.ofNullable(overrides.get(name));
    }
}
