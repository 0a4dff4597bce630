package dev.jobgen.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A unit's recent journal lines through {@code journalctl}, or an empty text where there is none. */
public final class Journal {
    private static final List<Path> JOURNALCTL = List.of(Path.of("/usr/bin/journalctl"), Path.of("/bin/journalctl"));

    private Journal() {}

    public static String recentLines(String unit, int lines) {
        for (Path journalctl : JOURNALCTL) {
            if (Files.isExecutable(journalctl)) {
                return run(List.of(journalctl.toString(), "-u", unit, "-n", Integer.toString(lines), "--no-pager"));
            }
        }
        return "";
    }

    private static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(256 * 1024);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
