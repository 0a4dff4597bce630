package dev.jobgen.install;

import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Hand-made rendered units (until the compiler lands) and a byte snapshot of a root. */
final class Units {
    private Units() {}

    static RenderedFile service(String job, String command) {
        return file("jobgen-" + job + ".service", "[Unit]\nDescription=" + job + "\nOnFailure=jobgen-notify@%n.service\n\n"
                + "[Service]\nType=oneshot\nExecStart=/usr/bin/jobgen run --job " + job + " -- " + command + "\n");
    }

    static RenderedFile timer(String job, String calendar) {
        return file("jobgen-" + job + ".timer", "[Unit]\nDescription=" + job + " timer\n\n[Timer]\nOnCalendar="
                + calendar + "\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n");
    }

    static RenderedFile notifyTemplate() {
        return file("jobgen-notify@.service", "[Unit]\nDescription=jobgen failure notice for %i\n\n"
                + "[Service]\nType=oneshot\nExecStart=/usr/bin/jobgen notify %i\n");
    }

    static RenderedFile file(String name, String text) {
        return new RenderedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A job's service and timer. */
    static List<RenderedFile> job(String job, String calendar) {
        return List.of(service(job, "/usr/local/bin/" + job), timer(job, calendar));
    }

    @SafeVarargs
    static List<RenderedFile> all(List<RenderedFile>... groups) {
        List<RenderedFile> out = new ArrayList<>();
        for (List<RenderedFile> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    static InstallRequest request(Path root, String owner, List<RenderedFile> files) {
        Set<String> timers = new java.util.TreeSet<>();
        files.stream().map(RenderedFile::name).filter(n -> n.endsWith(".timer")).forEach(timers::add);
        return new InstallRequest(root, owner, files, timers, false);
    }

    /** Every file under {@code root} (relative path to text), the lock file excepted. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(".lock")) {
                    files.put(root.relativize(p).toString(), Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
