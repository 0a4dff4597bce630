package dev.jobgen.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schedule's elapses from one period on, remembered in {@code STATE/periods} so most runs find
 * their period without the calendar engine, whose first use (zone rules, tz tables) costs more
 * start-up than the rest of the runner. Between consecutive listed elapses there is no other, so
 * for {@code validFrom <= t < last} the period is simply the latest listed elapse at or before t;
 * outside that range, or when the key (schedules, zone, versions) differs, the engine answers and
 * the table is computed anew.
 */
final class ElapseTable implements PeriodSource {
    static final int SIZE = 32;
    private static final String MAGIC = "jobgen-periods 1";

    private final Instant validFrom;
    private final List<Instant> elapses;
    private final PeriodSource fallback;

    ElapseTable(Instant validFrom, List<Instant> elapses, PeriodSource fallback) {
        this.validFrom = Objects.requireNonNull(validFrom);
        this.elapses = List.copyOf(elapses);
        this.fallback = Objects.requireNonNull(fallback);
    }

    /** The table from {@code engine} at {@code now}: the current period (if any) and the next elapses. */
    static ElapseTable compute(PeriodSource engine, Instant now) {
        List<Instant> list = new ArrayList<>();
        Optional<Instant> current = engine.periodAt(now);
        if (current.isPresent()) {
            list.add(current.get());
        }
        Instant at = now;
        while (list.size() < SIZE) {
            Optional<Instant> next = engine.nextAfter(at);
            if (next.isEmpty()) {
                break;
            }
            list.add(next.get());
            at = next.get();
        }
        return new ElapseTable(current.isPresent() ? current.get() : now, list, engine);
    }

    boolean covers(Instant t) {
        return !elapses.isEmpty() && !t.isBefore(validFrom) && t.isBefore(elapses.get(elapses.size() - 1));
    }

    @Override
    public Optional<Instant> periodAt(Instant t) {
        if (!covers(t)) {
            return fallback.periodAt(t);
        }
        Instant latest = null;
        for (Instant e : elapses) {
            if (e.isAfter(t)) {
                break;
            }
            latest = e;
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<Instant> nextAfter(Instant t) {
        if (!covers(t)) {
            return fallback.nextAfter(t);
        }
        for (Instant e : elapses) {
            if (e.isAfter(t)) {
                return Optional.of(e);
            }
        }
        return fallback.nextAfter(t);
    }

    /** Writes the table under {@code key} (any text without newlines per line), atomically. */
    void save(Path file, List<String> key) throws IOException {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n').append(key.size()).append('\n');
        for (String k : key) {
            sb.append(k.replace('\n', ' ')).append('\n');
        }
        sb.append(micros(validFrom)).append('\n');
        for (Instant e : elapses) {
            sb.append(micros(e)).append('\n');
        }
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The saved table when it was made under {@code key} and covers {@code now}; empty otherwise (or unreadable). */
    static Optional<ElapseTable> load(Path file, List<String> key, Instant now, PeriodSource fallback) {
        try {
            // readString, not readAllLines: every stamped run comes here, and a reader with its decoder
            // is ten classes more to load at start-up
            List<String> lines = Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (lines.size() < 2 || !lines.get(0).equals(MAGIC) || Integer.parseInt(lines.get(1)) != key.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < key.size(); i++) {
                if (!lines.get(2 + i).equals(key.get(i).replace('\n', ' '))) {
                    return Optional.empty();
                }
            }
            int at = 2 + key.size();
            Instant validFrom = instant(lines.get(at));
            List<Instant> elapses = new ArrayList<>();
            for (String line : lines.subList(at + 1, lines.size())) {
                elapses.add(instant(line));
            }
            ElapseTable table = new ElapseTable(validFrom, elapses, fallback);
            return table.covers(now) ? Optional.of(table) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // none yet, or torn or foreign: the engine answers and the table is written anew
            return Optional.empty();
        }
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static Instant instant(String micros) {
        long us = Long.parseLong(micros.trim());
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }
}
