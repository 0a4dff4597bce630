package dev.jobgen.cli;

import dev.jobgen.compile.Compilation;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.IoProblem;
import dev.jobgen.install.AtomicWriter;
import dev.jobgen.install.NioFileOps;
import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen render}: units to stdout or a directory, nothing else. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the systemd units of the catalogues.",
                "Without -o the units are printed, each after a '# /etc/systemd/system/NAME' line, as 'systemctl cat' shows them."})
public final class RenderCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "CATALOGUE", description = "Catalogue files.")
    List<String> catalogues;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the unit files into DIR (created if missing).")
    String output;

    @Mixin
    CatalogueOptions options;

    public RenderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CatalogueException {
        if (output != null && Files.exists(ctx.fs().getPath(output)) && !Files.isDirectory(ctx.fs().getPath(output))) {
            // refused before compiling, like any other unusable argument: a usage error
            throw new UserError("-o " + output + ": not a directory", 2);
        }
        Compilation compilation = new CatalogueReader(ctx).compileValid(catalogues, options, true);
        if (output == null) {
            boolean first = true;
            for (RenderedFile f : compilation.files()) {
                ctx.out().print((first ? "" : "\n") + "# /etc/systemd/system/" + f.name() + "\n");
                ctx.out().print(new String(f.content(), StandardCharsets.UTF_8));
                first = false;
            }
            ctx.out().flush();
            return 0;
        }
        write(compilation.files(), ctx.fs().getPath(output));
        return 0;
    }

    private static void write(List<RenderedFile> files, Path dir) {
        try {
            AtomicWriter writer = new AtomicWriter(new NioFileOps());
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Map<String, byte[]> contents = new LinkedHashMap<>();
                files.forEach(f -> contents.put(f.name(), f.content()));
                writer.createWhole(dir, contents);
                return;
            }
            Map<Path, byte[]> contents = new LinkedHashMap<>();
            files.forEach(f -> contents.put(dir.resolve(f.name()), f.content()));
            writer.stageAll(contents);
            writer.commit(dir);
        } catch (IOException e) {
            throw new UserError("cannot write to " + dir + ": " + IoProblem.describe(e));
        }
    }
}
