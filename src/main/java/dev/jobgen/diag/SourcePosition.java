package dev.jobgen.diag;

import java.util.Objects;

/** A 1-based place in a named source; prints as {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {
    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    /** A position for input that has no lines, such as a command-line argument. */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, 1, 1);
    }

    /** The same line, {@code n} columns further right. */
    public SourcePosition shift(int n) {
        return new SourcePosition(file, line, column + n);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
