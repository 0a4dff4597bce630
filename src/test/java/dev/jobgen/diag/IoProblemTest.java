package dev.jobgen.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every I/O error is told with what went wrong, not only the path it happened to. */
class IoProblemTest {
    @Test
    void exceptionsThatCarryOnlyAPathGetTheirMeaningInWords() {
        assertEquals("/x/job.lock: already exists", IoProblem.describe(new FileAlreadyExistsException("/x/job.lock")));
        assertEquals("/x/job.lock: permission denied", IoProblem.describe(new AccessDeniedException("/x/job.lock")));
        assertEquals("/x: symbolic links form a loop", IoProblem.describe(new FileSystemLoopException("/x")));
        assertEquals("/x: failed, and the system gave no reason", IoProblem.describe(new FileSystemException("/x")));
        assertEquals("/a -> /b: No space left on device", IoProblem.describe(new FileSystemException("/a", "/b", "No space left on device")));
    }

    @Test
    void exceptionsWithoutAMessageSayWhatKindOfFailureTheyAre() {
        assertEquals("closed channel", IoProblem.describe(new ClosedChannelException()));
    }

    /** The JDK's own exception for opening a symlink without following it: its reason is kept. */
    @Test
    void aRealRefusalToFollowALinkSaysWhy(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("l"), dir.resolve("target"));
        IOException e = assertThrows(IOException.class,
                () -> Files.newByteChannel(link, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS).close());
        String said = IoProblem.describe(e);
        assertTrue(said.contains("symbolic links"), said);
    }
}
