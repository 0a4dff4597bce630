package dev.jobgen.cli;

import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.diag.IoProblem;
import dev.jobgen.install.AtomicWriter;
import dev.jobgen.install.NioFileOps;
import dev.jobgen.migrate.CrontabImporter;
import dev.jobgen.migrate.ImportMessage;
import dev.jobgen.migrate.ImportValidation;
import dev.jobgen.model.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen import-crontab}: crontabs in, a catalogue out, and a warning for whatever does not carry over. */
@Command(name = "import-crontab", mixinStandardHelpOptions = true,
        description = {"Convert crontab files into a jobgen catalogue.",
                "The catalogue's YAML goes to stdout, or to -o FILE.",
                "Schedules keep cron's exact meaning; CRON_TZ/TZ, environment lines, MAILTO, RANDOM_DELAY,"
                        + " 'flock -n FILE' prefixes and comments above a line are carried over.",
                "What cannot be carried is reported as FILE:LINE: warning: ... on stderr, a line that cannot be"
                        + " converted as FILE:LINE: error: ...; the catalogue written always passes 'jobgen validate'.",
                "Exit status: 0 converted; 1 a line could not be converted and nothing was written (--skip-invalid"
                        + " leaves such lines out instead), or anything not carried over with --strict; 2 usage."})
public final class ImportCrontabCommand implements Callable<Integer> {
    /** Whether lines carry a user name between schedule and command. */
    enum UserField { auto, yes, no }

    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "User crontabs, /etc/crontab or /etc/cron.d files.")
    List<String> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the catalogue to FILE instead of stdout.")
    String output;

    @Option(names = "--strict", description = "Fail (exit 1, nothing written) when anything cannot be carried over.")
    boolean strict;

    @Option(names = "--user-field", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "Lines have a user field: yes, no, or auto (yes for /etc/crontab and files in a cron.d"
                    + " directory). Default: ${DEFAULT-VALUE}.")
    UserField userField;

    @Option(names = "--owner", paramLabel = "USER",
            description = "Whose user crontabs these are (files without a user field): their jobs get 'user: USER'."
                    + " Default: the file name of a spool file (/var/spool/cron/crontabs/NAME, /var/spool/cron/NAME).")
    String owner;

    @Option(names = "--skip-invalid", description = "Report each line that cannot be converted and convert the rest"
            + " (default: any such line fails the import and nothing is written).")
    boolean skipInvalid;

    public ImportCrontabCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (owner != null && !Names.isUserOrGroup(owner)) {
            throw new UserError("--owner: '" + owner + "' is not a user name", 2);
        }
        List<CrontabImporter.Source> sources = new ArrayList<>();
        for (String file : files) {
            Path path = ctx.fs().getPath(file);
            sources.add(new CrontabImporter.Source(file, read(file), hasUserField(path),
                    Optional.ofNullable(owner).or(() -> spoolOwner(path))));
        }
        ImportValidation.Outcome outcome = ImportValidation.check(CrontabImporter.importAll(sources), files,
                ctx.clock().instant(), skipInvalid);
        CrontabImporter.Result result = outcome.result();
        for (ImportMessage m : result.messages()) {
            ctx.err().println(m.format());
        }
        if (skipInvalid && outcome.skipped() > 0) {
            ctx.err().println("import-crontab: skipped " + outcome.skipped() + " line" + (outcome.skipped() == 1 ? "" : "s")
                    + " with errors (--skip-invalid); the catalogue holds the other " + result.jobs().size() + " job"
                    + (result.jobs().size() == 1 ? "" : "s"));
        }
        ctx.err().flush();
        if ((result.hasErrors() && !skipInvalid) || (strict && (result.hasWarnings() || result.hasErrors()))) {
            return 1;
        }
        String yaml = outcome.catalogue();
        if (output == null) {
            ctx.out().print(yaml);
            ctx.out().flush();
        } else {
            write(ctx.fs().getPath(output), yaml);
        }
        return 0;
    }

    private boolean hasUserField(Path file) {
        return switch (userField) {
            case yes -> true;
            case no -> false;
            case auto -> {
                Path abs = file.toAbsolutePath().normalize();
                Path parent = abs.getParent();
                yield abs.toString().equals("/etc/crontab")
                        || (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("cron.d"));
            }
        };
    }

    /**
     * The user of a crontab in cron's spool, named after its file: /var/spool/cron/crontabs/NAME
     * (Debian's cron), /var/spool/cron/NAME (cronie), /var/spool/cron/tabs/NAME (SUSE).
     */
    private static Optional<String> spoolOwner(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            return Optional.empty();
        }
        String dir = parent.toString();
        String name = abs.getFileName().toString();
        boolean spool = dir.equals("/var/spool/cron/crontabs") || dir.equals("/var/spool/cron/tabs")
                || (dir.equals("/var/spool/cron") && !name.equals("crontabs") && !name.equals("tabs"));
        return spool && Names.isUserOrGroup(name) ? Optional.of(name) : Optional.empty();
    }

    private String read(String file) {
        byte[] bytes = CatalogueReader.readBounded(ctx.fs().getPath(file), file, false);
        if (bytes.length > CatalogueCompiler.MAX_CATALOGUE_BYTES) {
            throw new UserError(file + ": larger than 10 MiB, which is no crontab");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserError(file + ": cannot read: not UTF-8 text");
        }
    }

    private static void write(Path target, String text) {
        try {
            new AtomicWriter(new NioFileOps()).replace(target.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + IoProblem.describe(e));
        }
    }
}
