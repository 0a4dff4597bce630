package dev.jobgen.cli;

import dev.jobgen.install.AtomicWriter;
import dev.jobgen.install.NioFileOps;
import dev.jobgen.migrate.CatalogueWriter;
import dev.jobgen.migrate.CrontabImporter;
import dev.jobgen.migrate.ImportMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen import-crontab}: crontabs in, a catalogue out, and a warning for whatever does not carry over. */
@Command(name = "import-crontab", mixinStandardHelpOptions = true,
        description = {"Convert crontab files into a jobgen catalogue (YAML on stdout, or -o FILE).",
                "Schedules keep cron's exact meaning; CRON_TZ/TZ, environment lines, MAILTO, RANDOM_DELAY,"
                        + " 'flock -n FILE' prefixes and comments above a line are carried over.",
                "What cannot be carried is reported as FILE:LINE: warning: ... on stderr.",
                "Exit status: 0 converted, 1 a line could not be converted (or warnings with --strict), 2 usage."})
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

    public ImportCrontabCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<CrontabImporter.Source> sources = new ArrayList<>();
        for (String file : files) {
            sources.add(new CrontabImporter.Source(file, read(file), hasUserField(ctx.fs().getPath(file))));
        }
        CrontabImporter.Result result = CrontabImporter.importAll(sources);
        for (ImportMessage m : result.messages()) {
            ctx.err().println(m.format());
        }
        ctx.err().flush();
        if (result.hasErrors() || (strict && result.hasWarnings())) {
            return 1;
        }
        String yaml = CatalogueWriter.write(result.jobs(), files);
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

    private String read(String file) {
        byte[] bytes = CatalogueReader.readBounded(ctx.fs().getPath(file), file, false);
        if (bytes.length > dev.jobgen.load.CatalogueLoader.MAX_BYTES) {
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
