package dev.jobgen.runner;

import dev.jobgen.history.IsoInstant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Success stamps per schedule period under {@code STATE/stamps/}, one file per period named by its
 * ISO instant. A stamp is written atomically (temp file, fsync, rename, directory fsync) and only
 * after success, so a crash leaves either no stamp or a whole one, and a stamp once written stays. Old stamps beyond the newest {@link #KEEP} are
 * pruned.
 */
public final class StampStore {
    /** Stamps kept: the current period plus a few before it, should the clock step back. */
    static final int KEEP = 8;

    private static final Comparator<Instant> NEWEST_FIRST = new Comparator<Instant>() {
        @Override
        public int compare(Instant a, Instant b) {
            return b.compareTo(a);
        }
    };

    private final Path dir;

    public StampStore(Path stateDir) {
        this.dir = stateDir.resolve("stamps");
    }

    public boolean isDone(Instant period) {
        return Files.isRegularFile(stampFile(period));
    }

    /** Records {@code period} as done by {@code runId}, then prunes old stamps. */
    public void markDone(Instant period, String runId, Instant finished) throws IOException {
        Files.createDirectories(dir);
        String body = "{\"period\":\"" + IsoInstant.format(period) + "\",\"run_id\":\"" + runId
                + "\",\"end\":\"" + IsoInstant.format(finished) + "\"}\n";
        AtomicFile.writeDurably(stampFile(period), body.getBytes(StandardCharsets.UTF_8));
        prune();
    }

    private Path stampFile(Instant period) {
        return dir.resolve(IsoInstant.format(period));
    }

    private void prune() throws IOException {
        List<Instant> periods = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                try {
                    periods.add(IsoInstant.parse(entry.getFileName().toString()));
                } catch (RuntimeException e) {
                    // a temp file or something not ours: leave it
                }
            }
        }
        periods.sort(NEWEST_FIRST);
        for (Instant old : periods.subList(Math.min(KEEP, periods.size()), periods.size())) {
            Files.deleteIfExists(stampFile(old));
        }
    }
}
