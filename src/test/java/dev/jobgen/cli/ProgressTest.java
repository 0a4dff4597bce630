package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "still working" line: on a terminal only, counting seconds, erased before the result. */
// progress lines are scopes: a test opens one and checks what the terminal shows while it lives
@SuppressWarnings("try")
class ProgressTest {
    private final StringWriter err = new StringWriter();

    private CliContext contextWithStderr(String linkTarget) throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        if (linkTarget != null) {
            Files.createDirectories(fs.getPath("/proc/self/fd"));
            Files.createSymbolicLink(fs.getPath("/proc/self/fd/2"), fs.getPath(linkTarget));
        }
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err, true), Clock.systemUTC(), fs, Map.of());
    }

    @Test
    void theDelayComesFromTheEnvironmentWhenItIsANumberOfMilliseconds() {
        assertEquals(Progress.DELAY, Progress.delay(null));
        assertEquals(Duration.ZERO, Progress.delay("0"));
        assertEquals(Duration.ofMillis(250), Progress.delay("250"));
        assertEquals(Progress.DELAY, Progress.delay("soon"), "anything else keeps the default");
        assertEquals(Progress.DELAY, Progress.delay("-5"));
    }

    @Test
    void standardErrorIsATerminalWhenItsLinkNamesATty() throws IOException {
        assertTrue(Progress.isTerminal(contextWithStderr("/dev/pts/3").fs(), 2));
        assertTrue(Progress.isTerminal(contextWithStderr("/dev/tty1").fs(), 2));
        assertFalse(Progress.isTerminal(contextWithStderr("pipe:[4242]").fs(), 2));
        assertFalse(Progress.isTerminal(contextWithStderr("/var/log/jobs.log").fs(), 2));
        assertFalse(Progress.isTerminal(contextWithStderr(null).fs(), 2), "no /proc: not known to be a terminal");
    }

    /** This test JVM's standard error is surefire's pipe: a real file descriptor that is no terminal. */
    @Test
    void aPipeIsNoTerminalOnTheRealFileSystem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(java.nio.file.Path.of("/proc/self/fd")), "no /proc (not Linux)");
        assertFalse(Progress.isTerminal(java.nio.file.FileSystems.getDefault(), 2));
    }

    @Test
    void onATerminalTheLineCountsSecondsAndIsErasedAtTheEnd() throws Exception {
        CliContext ctx = contextWithStderr("/dev/pts/0");
        try (Progress p = Progress.start(ctx, "checking 1 catalogue", Duration.ZERO)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!err.toString().contains("jobgen: checking 1 catalogue... 0s") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        String shown = err.toString();
        assertTrue(shown.startsWith("\rjobgen: checking 1 catalogue... 0s"), shown);
        assertTrue(shown.endsWith("\r\033[K"), "erased, so the next line starts clean: " + shown);
    }

    @Test
    void elsewhereNothingIsWrittenHoweverLongItTakes() throws Exception {
        for (String target : new String[] {"pipe:[4242]", null}) {
            CliContext ctx = contextWithStderr(target);
            try (Progress p = Progress.start(ctx, "checking 1 catalogue", Duration.ZERO)) {
                Thread.sleep(200);
            }
        }
        assertEquals("", err.toString());
    }

    @Test
    void workShorterThanTheDelayShowsNothingEvenOnATerminal() throws Exception {
        CliContext ctx = contextWithStderr("/dev/pts/0");
        try (Progress p = Progress.start(ctx, "checking 1 catalogue")) {
            Thread.sleep(50);
        }
        assertEquals("", err.toString());
    }
}
