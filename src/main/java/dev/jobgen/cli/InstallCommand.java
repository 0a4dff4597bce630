package dev.jobgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.compile.Compilation;
import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.IoProblem;
import dev.jobgen.install.FileChange;
import dev.jobgen.install.InstallConflictException;
import dev.jobgen.install.InstallReport;
import dev.jobgen.install.InstallRequest;
import dev.jobgen.install.Installer;
import dev.jobgen.install.NioFileOps;
import dev.jobgen.install.OwnerName;
import dev.jobgen.install.ProcessSystemctl;
import dev.jobgen.install.Systemctl;
import dev.jobgen.install.SystemdAction;
import dev.jobgen.install.UnifiedDiff;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobgen install}: the provisioning step (see src/docs/install.md). */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install or update the catalogue's units, atomically.",
                "Units go under ROOT/etc/systemd/system: unchanged files are left alone, "
                + "changed ones replaced atomically, units the catalogue no longer has removed (only its own), "
                + "foreign units never overwritten. With ROOT / and systemd running, then daemon-reload and "
                + "enable/start or disable/stop the timers.",
                "Exit 0 on success; with --check 0 when nothing would change and 1 when something would."})
public final class InstallCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT_DIR = "etc/systemd/system/";
    private final CliContext ctx;

    @Parameters(paramLabel = "CATALOGUE", description = "The catalogue file.")
    String catalogue;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/", description = "Install under DIR instead of / (images, containers, tests).")
    String root;

    @Option(names = "--check", description = "Change nothing; report what would change; exit 1 when something would.")
    boolean check;

    @Option(names = "--diff", description = "Show a unified diff of every unit written or removed.")
    boolean diff;

    @Mixin
    FormatOption format = new FormatOption(OutputFormat.text, OutputFormat.json);

    @Option(names = "--no-systemctl", description = "Do not run systemctl, even on a live root.")
    boolean noSystemctl;

    @Option(names = "--owner", paramLabel = "NAME",
            description = "Own the units under NAME (default: the catalogue's file name without .yaml).")
    String owner;

    @Option(names = "--adopt", description = "Take over units that exist but this catalogue does not own.")
    boolean adopt;

    @Mixin
    CatalogueOptions options;

    public InstallCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CatalogueException {
        Path rootDir = ctx.fs().getPath(root);
        if (!Files.isDirectory(rootDir)) {
            throw new UserError("--root " + root + ": not a directory", 2);
        }
        String ownerName = ownerName();
        Compilation compilation = new CatalogueReader(ctx, rootDir).compileValid(List.of(catalogue), options, true);
        Compilation.Output output = compilation.outputs().get(0);
        if (output.catalogue().sourcePath().isEmpty() && !output.files().isEmpty()) {
            ctx.err().println("jobgen install: note: " + catalogue + " is not under --root " + root
                    + ", so the units name no SourcePath= or Documentation= (keep the catalogue under the root to have them)");
        }
        InstallRequest request = new InstallRequest(rootDir, ownerName, output.files(), output.enabledTimers(), adopt);
        Installer installer = new Installer(new NioFileOps(), systemctlFor(rootDir, ctx.fs(), noSystemctl));
        InstallReport report;
        try {
            report = check ? installer.check(request) : installer.apply(request);
        } catch (InstallConflictException e) {
            throw new UserError(e.getMessage(), 1);
        } catch (IOException e) {
            throw new UserError("install into " + rootDir + " failed: " + IoProblem.describe(e), 1);
        }
        if (format.get() == OutputFormat.json) {
            ctx.out().println(json(report));
        } else {
            printText(report, rootDir, ownerName);
        }
        ctx.out().flush();
        return check && report.changed() ? 1 : 0;
    }

    private String ownerName() {
        try {
            return owner != null ? OwnerName.validate(owner)
                    : OwnerName.fromCatalogueFileName(ctx.fs().getPath(catalogue).getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** systemctl is used only on the live system: ROOT is {@code /} and systemd is running. */
    static Optional<Systemctl> systemctlFor(Path root, FileSystem fs, boolean noSystemctl) {
        Path slash = fs.getRootDirectories().iterator().next();
        boolean live = root.toAbsolutePath().normalize().equals(slash) && Files.isDirectory(fs.getPath("/run/systemd/system"));
        return !noSystemctl && live ? Optional.of(new ProcessSystemctl()) : Optional.empty();
    }

    private void printText(InstallReport report, Path rootDir, String ownerName) {
        String would = check ? "would " : "";
        for (FileChange c : report.changes()) {
            ctx.out().println((c.isRemoval() ? would + "remove " : would + "write ") + rootDir.resolve(UNIT_DIR + c.unit()));
        }
        for (SystemdAction a : report.actions()) {
            ctx.out().println((check ? "would run " : "ran ") + a);
        }
        if (diff) {
            ctx.out().print(diffs(report));
        }
        ctx.out().println((check ? "check: " : "installed: ") + report.written().size() + " written, "
                + report.removed().size() + " removed, " + report.unchanged().size() + " unchanged, "
                + report.actions().size() + " systemctl actions (owner '" + ownerName + "', "
                + (report.changed() ? "changed" : "no change") + ")");
    }

    private static String diffs(InstallReport report) {
        StringBuilder sb = new StringBuilder();
        for (FileChange c : report.changes()) {
            sb.append(UnifiedDiff.of(UNIT_DIR + c.unit(), c.before(), c.after()));
        }
        return sb.toString();
    }

    private String json(InstallReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("changed", report.changed());
        report.written().forEach(o.putArray("written")::add);
        report.removed().forEach(o.putArray("removed")::add);
        report.unchanged().forEach(o.putArray("unchanged")::add);
        var actions = o.putArray("actions");
        report.actions().forEach(a -> actions.add(a.toString()));
        if (diff) {
            o.put("diff", diffs(report));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
