package dev.jobgen.cli;

import dev.jobgen.diag.CatalogueException;
import dev.jobgen.diag.IoProblem;
import dev.jobgen.model.Catalogue;
import dev.jobgen.monitorapi.ApiException;
import dev.jobgen.monitorapi.MonitorApi;
import dev.jobgen.monitors.DesiredMonitor;
import dev.jobgen.monitors.MonitorChange;
import dev.jobgen.monitors.MonitorPlanner;
import dev.jobgen.monitors.Provider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobgen monitors plan|apply}: one heartbeat check per job at Healthchecks or Cronitor,
 * with the job's schedule, zone and a grace from its jitter, accuracy and timeout. {@code plan}
 * prints what {@code apply} would change; a second {@code apply} changes nothing.
 */
@Command(name = "monitors", mixinStandardHelpOptions = true,
        description = {"Create or update the jobs' heartbeat checks.",
                "One check per job, at Healthchecks or Cronitor.",
                "plan prints the changes; apply makes them. The API key is read from a file or a systemd credential, never an argument."})
public final class MonitorsCommand implements Callable<Integer> {
    enum Action { plan, apply }

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "ACTION", description = "plan or apply.")
    Action action;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CATALOGUE", description = "Catalogue files.")
    List<String> catalogues;

    @Option(names = "--provider", required = true, paramLabel = "NAME", description = "healthchecks or cronitor.")
    String provider;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "The provider's site (default https://healthchecks.io or https://cronitor.io; http only to this machine).")
    String apiUrl;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeySource key;

    static final class KeySource {
        @Option(names = "--api-key-file", paramLabel = "PATH", description = "A file holding the API key (not readable by others).")
        String file;

        @Option(names = "--api-key-credential", paramLabel = "NAME", description = "The key from $CREDENTIALS_DIRECTORY/NAME (LoadCredential=).")
        String credential;
    }

    public MonitorsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, CatalogueException {
        Provider p = provider();
        URI base = baseUrl(p);
        String apiKey = apiKey();
        List<Catalogue> compiled = new CatalogueReader(ctx).compileValid(catalogues, CatalogueOptions.defaults(), false).catalogues();
        ZoneId zone = LocalZone.from(ctx.env());
        Instant now = ctx.clock().instant();
        List<DesiredMonitor> desired = new ArrayList<>();
        try {
            for (Catalogue c : compiled) {
                // each catalogue's timers elapse by the calendar rules of the systemd it targets
                desired.addAll(MonitorPlanner.plan(c.jobs(), p, zone, now, c.target().number()));
            }
        } catch (IllegalArgumentException e) {
            // an expression valid for systemd but not under this TZ (a zone abbreviation as suffix)
            throw new UserError("a schedule is not valid with TZ=" + ctx.env().get("TZ") + ": " + e.getMessage());
        }
        MonitorApi api = MonitorApi.of(p, base, apiKey);
        try {
            Map<String, MonitorChange.Existing> existing = api.existing(desired);
            List<MonitorChange> changes = new ArrayList<>();
            for (DesiredMonitor m : desired) {
                changes.add(MonitorChange.of(m, p, Optional.ofNullable(existing.get(m.job()))));
            }
            Map<MonitorChange.Kind, Integer> counts = new EnumMap<>(MonitorChange.Kind.class);
            for (MonitorChange c : changes) {
                c.describe().forEach(ctx.out()::println);
                counts.merge(c.kind(), 1, Integer::sum);
            }
            boolean apply = action == Action.apply;
            if (apply) {
                api.apply(changes);
            }
            ctx.out().println(counts.getOrDefault(MonitorChange.Kind.CREATE, 0) + (apply ? " created, " : " to create, ")
                    + counts.getOrDefault(MonitorChange.Kind.UPDATE, 0) + (apply ? " updated, " : " to update, ")
                    + counts.getOrDefault(MonitorChange.Kind.UNCHANGED, 0) + " unchanged, "
                    + counts.getOrDefault(MonitorChange.Kind.SKIP, 0) + " skipped at " + p.id());
        } catch (ApiException e) {
            throw new UserError(e.getMessage(), 1);
        }
        return 0;
    }

    private Provider provider() {
        for (Provider p : Provider.values()) {
            if (p.id().equals(provider)) {
                return p;
            }
        }
        throw new UserError("--provider takes healthchecks or cronitor, not '" + provider + "'", 2);
    }

    /** https anywhere; http only to this machine (a test server), since the key travels in the request. */
    private URI baseUrl(Provider p) {
        String text = apiUrl == null ? p.defaultUrl() : apiUrl;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UserError("--api-url: " + e.getMessage(), 2);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new UserError("--api-url must be an https:// URL (http:// only to this machine): " + text, 2);
        }
        return uri;
    }

    private static boolean loopback(String host) {
        try {
            return host.equals("localhost") || InetAddress.getByName(host.replaceAll("^\\[|\\]$", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String apiKey() {
        Path file;
        if (key.credential != null) {
            String dir = ctx.env().get("CREDENTIALS_DIRECTORY");
            if (dir == null || key.credential.contains("/")) {
                throw new UserError("--api-key-credential " + key.credential + ": no $CREDENTIALS_DIRECTORY (run under systemd with LoadCredential=)", 2);
            }
            file = ctx.fs().getPath(dir, key.credential);
        } else {
            file = ctx.fs().getPath(key.file);
            refuseReadableByOthers(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UserError("cannot read the API key: " + IoProblem.describe(e), 1);
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UserError("the API key in " + file + " is empty or holds spaces or control characters", 1);
        }
        return text;
    }

    private static void refuseReadableByOthers(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            if (view != null && view.readAttributes().permissions().contains(PosixFilePermission.OTHERS_READ)) {
                throw new UserError("the API key file " + file + " is readable by every user: chmod o-r it", 1);
            }
        } catch (IOException e) {
            throw new UserError("cannot read the API key: " + IoProblem.describe(e), 1);
        }
    }
}
