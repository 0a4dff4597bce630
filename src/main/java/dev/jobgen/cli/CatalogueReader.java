package dev.jobgen.cli;

import dev.jobgen.bind.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.Diagnostic;
import dev.jobgen.render.TemplateSource;
import dev.jobgen.render.UnitRenderer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The I/O around the pure compiler: reads catalogues and template overrides, then compiles. */
public final class CatalogueReader {
    private final CliContext ctx;

    public CatalogueReader(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Compiles the named catalogue files with the shared options. */
    public Compilation compile(List<String> files, CatalogueOptions options) {
        if (options.herdThreshold < 1) {
            // 0 or less would call every job without jitter a herd of its own
            throw new UserError("--herd-threshold must be at least 1", 2);
        }
        if (options.systemdVersion != null) {
            SystemdVersionArg.checked(options.systemdVersion);
        }
        List<CatalogueSource> sources = new ArrayList<>();
        for (String file : files) {
            sources.add(read(file));
        }
        CompileOptions compileOptions = CompileOptions.defaults(ctx.clock().instant());
        if (options.systemdVersion != null) {
            compileOptions = compileOptions.withSystemdVersion(dev.jobgen.model.SystemdVersion.of(options.systemdVersion));
        }
        compileOptions = compileOptions.withHerdThreshold(options.herdThreshold);
        if (options.runnerPath != null) {
            compileOptions = compileOptions.withRunnerPath(options.runnerPath);
        }
        if (options.templates != null) {
            compileOptions = compileOptions.withTemplates(templates(options.templates));
        }
        try {
            return CatalogueCompiler.compile(sources, compileOptions);
        } catch (UnitRenderer.TemplateProblem e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Compiles for a command that needs a valid catalogue: errors end the command through the
     * shared handler (printed with excerpts, exit 1); warnings are printed too when
     * {@code showWarnings}, and the command goes on.
     */
    public Compilation compileValid(List<String> files, CatalogueOptions options, boolean showWarnings)
            throws CatalogueException {
        Compilation compilation = compile(files, options);
        List<Diagnostic> shown = compilation.diagnostics().stream().filter(d -> showWarnings || d.isError()).toList();
        if (compilation.hasErrors()) {
            throw new CatalogueException(shown);
        }
        new DiagnosticPrinter(ctx.fs()).print(shown, OutputFormat.text, ctx.err());
        return compilation;
    }

    CatalogueSource read(String file) {
        Path path = ctx.fs().getPath(file);
        try {
            if (Files.size(path) > dev.jobgen.load.CatalogueLoader.MAX_BYTES) {
                throw new UserError(file + ": catalogue is larger than 10 MiB");
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new CatalogueSource(file, path.toAbsolutePath().normalize().toString(), text);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + IoProblem.describe(e));
        }
    }

    private TemplateSource templates(String dir) {
        Path path = ctx.fs().getPath(dir);
        if (!Files.isDirectory(path)) {
            throw new UserError("--templates " + dir + ": not a directory", 2);
        }
        Map<String, String> overrides = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*.ftl")) {
            for (Path f : files) {
                overrides.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UserError("--templates " + dir + ": " + e.getMessage());
        }
        return TemplateSource.withOverrides(overrides);
    }
}
