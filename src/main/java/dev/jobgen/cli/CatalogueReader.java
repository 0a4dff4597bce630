package dev.jobgen.cli;

import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.compile.TemplateProblem;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.Diagnostic;
import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.IoProblem;
import dev.jobgen.diag.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The I/O around the pure compiler: reads catalogues and template overrides, then compiles. */
public final class CatalogueReader {
    /** The file argument that means standard input. */
    static final String STDIN = "-";
    /** How diagnostics name standard input. */
    static final String STDIN_NAME = "<stdin>";
    private final CliContext ctx;
    private final Path nodeRoot;

    public CatalogueReader(CliContext ctx) {
        this(ctx, ctx.fs().getRootDirectories().iterator().next());
    }

    /** A reader for files under {@code nodeRoot} (install {@code --root}), whose units name their path on the node. */
    public CatalogueReader(CliContext ctx, Path nodeRoot) {
        this.ctx = ctx;
        this.nodeRoot = nodeRoot.toAbsolutePath().normalize();
    }

    /**
     * Where {@code file} is on the node: its absolute path with the install root taken off
     * ({@code ROOT/etc/jobgen/x.yaml} is {@code /etc/jobgen/x.yaml}); empty when it is not under the root.
     * Lexical, not resolved: a link inside an image root points to a path on the node, not here.
     */
    Optional<String> nodePath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(nodeRoot)) {
            return Optional.empty();
        }
        return Optional.of("/" + nodeRoot.relativize(absolute).toString().replace(nodeRoot.getFileSystem().getSeparator(), "/"));
    }

    /** What compiling the named files gave, the files that could not be read at all, and standard input's text if read. */
    public record Checked(Compilation compilation, List<String> unreadable, Optional<String> stdin) {
        public Checked {
            unreadable = List.copyOf(unreadable);
        }

        /** A printer for these diagnostics, with excerpts of standard input too. */
        DiagnosticPrinter printer(CliContext ctx) {
            DiagnosticPrinter printer = new DiagnosticPrinter(ctx.fs());
            stdin.ifPresent(text -> printer.withText(STDIN_NAME, text));
            return printer;
        }
    }

    /**
     * Compiles the named catalogue files with the shared options. A file that cannot be read ends
     * the command, after the other files' diagnostics are printed: every file's problems are told.
     */
    public Compilation compile(List<String> files, CatalogueOptions options) {
        Checked checked = check(files, options);
        if (!checked.unreadable().isEmpty()) {
            checked.printer(ctx).print(checked.compilation().diagnostics(), OutputFormat.text, ctx.err());
            throw new UserError(String.join("\njobgen: ", checked.unreadable()));
        }
        return checked.compilation();
    }

    /**
     * Reads and compiles every file it can: a file that is not UTF-8 or too large is a
     * diagnostic like any other, one that cannot be opened is listed in {@link Checked#unreadable}.
     */
    // the progress line is a scope: it shows exactly while the compilation runs
    @SuppressWarnings("try")
    public Checked check(List<String> files, CatalogueOptions options) {
        if (options.herdThreshold < 1) {
            // 0 or less would call every job without jitter a herd of its own
            throw new UserError("--herd-threshold must be at least 1", 2);
        }
        if (files.stream().filter(STDIN::equals).count() > 1) {
            throw new UserError("'-' (standard input) can be given only once", 2);
        }
        if (options.systemdVersion != null) {
            SystemdVersionArg.checked(options.systemdVersion);
        }
        List<CatalogueSource> sources = new ArrayList<>();
        Diagnostics readProblems = new Diagnostics();
        List<String> unreadable = new ArrayList<>();
        for (String file : files) {
            try {
                read(file, readProblems).ifPresent(sources::add);
            } catch (UserError e) {
                unreadable.add(e.getMessage());
            }
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
            compileOptions = compileOptions.withTemplateOverrides(templates(options.templates));
        }
        long bytes = sources.stream().mapToLong(c -> c.text().length()).sum();
        String what = "checking " + sources.size() + " catalogue" + (sources.size() == 1 ? "" : "s")
                + " (" + Math.max(1, bytes / 1024) + " KiB)";
        try {
            Compilation compiled;
            try (Progress progress = Progress.start(ctx, what)) {
                compiled = CatalogueCompiler.compile(sources, compileOptions);
            }
            Optional<String> stdin = sources.stream().filter(c -> c.name().equals(STDIN_NAME)).map(CatalogueSource::text).findFirst();
            if (readProblems.sorted().isEmpty()) {
                return new Checked(compiled, unreadable, stdin);
            }
            compiled.diagnostics().forEach(readProblems::add);
            return new Checked(new Compilation(readProblems.sorted(), compiled.catalogues(), List.of(), compiled.jobCount()), unreadable, stdin);
        } catch (TemplateProblem e) {
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

    /**
     * One catalogue's text, read through a bounded reader: at most {@value CatalogueCompiler#MAX_CATALOGUE_BYTES}
     * bytes plus one are read whatever the file claims to be. {@code -} is standard input; any
     * other name must be a regular file, so that a FIFO cannot hang and a device cannot feed
     * endless input. Problems with the content go to {@code problems}; a file that cannot be read
     * at all is a {@link UserError}.
     */
    Optional<CatalogueSource> read(String file, Diagnostics problems) {
        boolean stdin = file.equals(STDIN);
        String name = stdin ? STDIN_NAME : file;
        Path path = ctx.fs().getPath(stdin ? "/dev/stdin" : file);
        byte[] bytes = readBounded(path, file, stdin);
        SourcePosition start = new SourcePosition(name, 1, 1);
        if (bytes.length > CatalogueCompiler.MAX_CATALOGUE_BYTES) {
            problems.error(DiagnosticCode.YAML_LIMIT, start, "catalogue is larger than 10 MiB");
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, text, true);
        if (result.isError()) {
            String[] lines = DiagnosticPrinter.LINE_BREAK.split(text.flip(), -1);
            String last = lines[lines.length - 1];
            problems.errorWithHint(DiagnosticCode.YAML_SYNTAX,
                    new SourcePosition(name, lines.length, last.codePointCount(0, last.length()) + 1),
                    "catalogues are UTF-8 text: convert the file, e.g. with iconv -f latin1 -t utf-8",
                    String.format("not UTF-8: byte 0x%02X cannot be read as a character", bytes[in.position()] & 0xff));
            return Optional.empty();
        }
        decoder.flush(text);
        Optional<String> source = stdin ? Optional.of("/dev/stdin") : nodePath(path);
        return Optional.of(new CatalogueSource(name, source, text.flip().toString()));
    }

    /**
     * At most {@value CatalogueCompiler#MAX_CATALOGUE_BYTES} bytes plus one of {@code path} ({@code file} as
     * the user named it), so that a caller can tell "too large" without reading all of it. Unless
     * {@code stream} (standard input, asked for), only a regular file is opened: a FIFO would block
     * the open until a writer comes, and a device can feed endless bytes.
     */
    static byte[] readBounded(Path path, String file, boolean stream) {
        try {
            if (!stream) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (attributes.isDirectory()) {
                    throw new UserError(file + ": is a directory, not a file");
                }
                if (!attributes.isRegularFile()) {
                    throw new UserError(file + ": not a regular file (a FIFO, socket or device); to read a stream, pass '-' and give it on standard input");
                }
            }
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes(CatalogueCompiler.MAX_CATALOGUE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + IoProblem.describe(e));
        }
    }

    private Map<String, String> templates(String dir) {
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
        return overrides;
    }
}
