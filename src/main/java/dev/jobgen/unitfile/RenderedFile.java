package dev.jobgen.unitfile;

import java.util.Arrays;
import java.util.Objects;

/** One generated file: its unit name (e.g. {@code jobgen-backup.timer}) and its exact bytes. */
public record RenderedFile(String name, byte[] content) {
    public RenderedFile {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFile r && r.name.equals(name) && Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RenderedFile[" + name + ", " + content.length + " bytes]";
    }
}
