package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElapseTableTest {
    @TempDir
    Path dir;

    /** Every 6 hours from the epoch, counting how often it is asked. */
    static final class SixHourly implements PeriodSource {
        final AtomicInteger calls = new AtomicInteger();
        static final long STEP = Duration.ofHours(6).toSeconds();

        @Override
        public Optional<Instant> periodAt(Instant now) {
            calls.incrementAndGet();
            return Optional.of(Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), STEP) * STEP));
        }

        @Override
        public Optional<Instant> nextAfter(Instant now) {
            calls.incrementAndGet();
            return Optional.of(Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), STEP) + 1) * STEP));
        }
    }

    static final Instant NOW = Instant.parse("2026-01-01T03:17:00Z");
    static final List<String> KEY = List.of("jobgen 1", "schedule 00/6:00");

    @Test
    void rememberedTableAnswersLikeTheEngineWithoutAskingIt() throws Exception {
        SixHourly engine = new SixHourly();
        ElapseTable.compute(engine, NOW).save(dir.resolve("periods"), KEY);
        SixHourly fallback = new SixHourly();
        ElapseTable table = ElapseTable.load(dir.resolve("periods"), KEY, NOW.plusSeconds(3600), fallback).orElseThrow();
        SixHourly truth = new SixHourly();
        for (long minutes = 0; minutes < (ElapseTable.SIZE - 2) * 360; minutes += 97) {
            Instant t = NOW.plusSeconds(minutes * 60);
            assertEquals(truth.periodAt(t), table.periodAt(t), t.toString());
            assertEquals(truth.nextAfter(t), table.nextAfter(t), t.toString());
        }
        Instant boundary = Instant.parse("2026-01-01T06:00:00Z");
        assertEquals(Optional.of(boundary), table.periodAt(boundary), "an elapse is its own period");
        assertEquals(0, fallback.calls.get(), "the engine was not needed");
        Instant beyond = NOW.plus(Duration.ofHours(6L * ElapseTable.SIZE));
        assertEquals(truth.periodAt(beyond), table.periodAt(beyond));
        assertTrue(fallback.calls.get() > 0, "past the table the engine answers");
    }

    @Test
    void otherKeyOldTableOrGarbageIsNotUsed() throws Exception {
        Path file = dir.resolve("periods");
        ElapseTable.compute(new SixHourly(), NOW).save(file, KEY);
        assertEquals(Optional.empty(), ElapseTable.load(file, List.of("jobgen 1", "schedule daily"), NOW, new SixHourly()));
        assertEquals(Optional.empty(), ElapseTable.load(file, KEY, NOW.plus(Duration.ofDays(30)), new SixHourly()));
        assertEquals(Optional.empty(), ElapseTable.load(file, KEY, NOW.minus(Duration.ofDays(1)), new SixHourly()));
        Files.writeString(file, "jobgen-periods 1\n2\njobgen 1\nschedule 00/6:00\nnot a number\n");
        assertEquals(Optional.empty(), ElapseTable.load(file, KEY, NOW, new SixHourly()));
        assertEquals(Optional.empty(), ElapseTable.load(dir.resolve("absent"), KEY, NOW, new SixHourly()));
    }

    @Test
    void scheduleThatNeverElapsedYet() throws Exception {
        PeriodSource future = new PeriodSource() {
            @Override
            public Optional<Instant> periodAt(Instant now) {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> nextAfter(Instant now) {
                Instant only = Instant.parse("2030-01-01T00:00:00Z");
                return now.isBefore(only) ? Optional.of(only) : Optional.empty();
            }
        };
        ElapseTable table = ElapseTable.compute(future, NOW);
        assertEquals(Optional.empty(), table.periodAt(NOW.plusSeconds(60)));
        assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), table.nextAfter(NOW));
    }
}
