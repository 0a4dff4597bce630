package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Signals#sleep}: the blocking wait of a supervising runner, cut short by a signal and only by one. */
class SignalsTest {
    static final Signals.Wait SLEEP = nanos -> {
        TimeUnit.NANOSECONDS.sleep(nanos);
        return true;
    };

    @Test
    void aSignalEndsTheWaitAtOnceAndLeavesNoInterruptBehind() throws Exception {
        Signals signals = new Signals();
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            signals.raise(15);
        }).start();
        long t0 = System.nanoTime();
        assertFalse(signals.sleep(SLEEP, TimeUnit.SECONDS.toNanos(60)));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "the sleep ran on after the signal");
        assertFalse(Thread.currentThread().isInterrupted(), "the wake-up interrupt must not outlive the wait");
        assertFalse(signals.sleep(SLEEP, TimeUnit.SECONDS.toNanos(60)), "a signal already received: no wait at all");
    }

    @Test
    void withoutASignalTheWaitsOwnAnswerComesBack() throws Exception {
        Signals signals = new Signals();
        assertTrue(signals.sleep(SLEEP, TimeUnit.MILLISECONDS.toNanos(10)));
        assertFalse(signals.sleep(nanos -> false, 0));
    }

    @Test
    void anInterruptThatIsNoSignalIsPassedOn() {
        Signals signals = new Signals();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> signals.sleep(SLEEP, TimeUnit.SECONDS.toNanos(60)));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
