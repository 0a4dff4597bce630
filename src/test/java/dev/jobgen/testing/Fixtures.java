package dev.jobgen.testing;

import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.compile.TemplateProblem;
import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compiling test catalogues the way the CLI does, with a fixed clock and a fixed SourcePath. */
public final class Fixtures {
    /** The instant every test compiles "now" at, so results never depend on the day they run. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private Fixtures() {}

    /** A catalogue as it would sit on a node: SourcePath is /etc/jobgen/NAME, not the checkout path. */
    public static CatalogueSource source(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new CatalogueSource(file.getFileName().toString(), "/etc/jobgen/" + file.getFileName(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Compilation compile(Path... files) {
        return compile(CompileOptions.defaults(NOW), files);
    }

    public static Compilation compile(CompileOptions options, Path... files) {
        try {
            return CatalogueCompiler.compile(java.util.Arrays.stream(files).map(Fixtures::source).toList(), options);
        } catch (TemplateProblem e) {
            throw new AssertionError(e);
        }
    }

    public static Map<String, byte[]> bytesByName(List<RenderedFile> files) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach(f -> out.put(f.name(), f.content()));
        return out;
    }
}
