package dev.jobgen.bind;

import java.util.Objects;

/**
 * A catalogue's text and names: {@code name} as the user wrote it (for diagnostics) and
 * {@code sourcePath}, the absolute path written into units as {@code SourcePath=}.
 */
public record CatalogueSource(String name, String sourcePath, String text) {
    public CatalogueSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(text, "text");
    }
}
