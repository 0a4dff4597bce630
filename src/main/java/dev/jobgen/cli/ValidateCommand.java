package dev.jobgen.cli;

import dev.jobgen.compile.Compilation;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen validate}: the CI gate. Exit 0 clean, 1 errors (or warnings with --strict). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check catalogues without writing anything.",
                "Exit 0 when clean, 1 on errors (or warnings with --strict), 2 on usage errors."})
public final class ValidateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "CATALOGUE", description = "Catalogue files; - reads one from standard input.")
    List<String> catalogues;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json, OutputFormat.github);

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Mixin
    CatalogueOptions options;

    public ValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CatalogueReader.Checked checked = new CatalogueReader(ctx).check(catalogues, options);
        Compilation compilation = checked.compilation();
        DiagnosticPrinter printer = checked.printer(ctx);
        int jobs = compilation.jobCount();
        printer.print(compilation.diagnostics(), OptionalInt.of(jobs), format.get(), format.get() == OutputFormat.text ? ctx.err() : ctx.out());
        // after the other files' diagnostics, so that one unreadable file hides nothing
        checked.unreadable().forEach(problem -> ctx.err().println("jobgen: " + problem));
        boolean failed = compilation.hasErrors() || (strict && compilation.hasWarnings()) || !checked.unreadable().isEmpty();
        if (format.get() == OutputFormat.text && compilation.diagnostics().isEmpty() && checked.unreadable().isEmpty()) {
            ctx.err().println("ok: " + jobs + " job" + (jobs == 1 ? "" : "s") + " in " + catalogues.size() + " catalogue" + (catalogues.size() == 1 ? "" : "s"));
        } else if (format.get() == OutputFormat.text && !compilation.diagnostics().isEmpty()) {
            // a long run of diagnostics ends with its totals, so nobody has to count them
            ctx.err().println(DiagnosticPrinter.summary(compilation.diagnostics(), jobs));
        }
        return failed ? 1 : 0;
    }
}
