package dev.jobgen.compile;

import java.util.Objects;
import java.util.Optional;

/**
 * A catalogue's text and names: {@code name} as the user wrote it (for diagnostics) and
 * {@code sourcePath}, the absolute path on the node written into units as {@code SourcePath=};
 * empty when the catalogue will not be on the node (installed from outside {@code --root}).
 */
public record CatalogueSource(String name, Optional<String> sourcePath, String text) {
    public CatalogueSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(text, "text");
    }

    public CatalogueSource(String name, String sourcePath, String text) {
        this(name, Optional.of(sourcePath), text);
    }
}
