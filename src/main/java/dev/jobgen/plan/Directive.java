package dev.jobgen.plan;

import java.util.Objects;

/** One {@code Key=value} line; {@code value} is already escaped for a unit file. */
public record Directive(String key, String value) {
    public Directive {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("unescaped line break in " + key + "=");
        }
    }
}
