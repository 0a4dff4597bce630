package dev.jobgen.runner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runner's stdout and stderr, shared by the child's output pumps and the runner's own
 * messages. Under systemd both usually go to the same journal stream, so every write is a whole
 * line under one lock: lines of the two streams never tear each other. Child output also feeds the
 * {@link LogTail} kept for the failure ping.
 */
final class Console {
    private final OutputStream out;
    private final OutputStream err;
    private final LogTail tail;
    private final boolean passesThrough;

    Console(OutputStream out, OutputStream err, int tailBytes) {
        this(out, err, tailBytes, false);
    }

    private Console(OutputStream out, OutputStream err, int tailBytes, boolean passesThrough) {
        this.out = out;
        this.err = err;
        this.tail = new LogTail(tailBytes);
        this.passesThrough = passesThrough;
    }

    /** This process's own stdout and stderr, keeping a tail of {@code tailBytes} (0: none). */
    static Console ofProcess(int tailBytes) {
        return new Console(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), tailBytes,
                tailBytes == 0);
    }

    /**
     * True when the child's output needs no copying: it would go unchanged to this process's own
     * stdout and stderr and no tail is kept, so the child may write there itself.
     */
    boolean passesThrough() {
        return passesThrough;
    }

    synchronized void childLine(boolean toErr, byte[] b, int off, int len) {
        tail.append(b, off, len);
        OutputStream target = toErr ? err : out;
        try {
            target.write(b, off, len);
            target.flush();
        } catch (IOException e) {
            // the journal went away; the child keeps running and the tail keeps the text
        }
    }

    /** One line on stderr, prefixed {@code jobgen run: }. */
    synchronized void note(String message) {
        try {
            err.write(("jobgen run: " + message + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // nowhere left to say it
        }
    }

    byte[] tail() {
        return tail.bytes();
    }
}
