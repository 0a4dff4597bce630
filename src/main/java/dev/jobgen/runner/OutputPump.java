package dev.jobgen.runner;

import java.io.IOException;
import java.io.InputStream;

/**
 * Copies one of the child's streams to the {@link Console} line by line as it arrives. A partial
 * line is held until its newline, the end of the stream, or {@link #MAX_LINE} bytes.
 */
final class OutputPump implements Runnable {
    static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final Console console;
    private final boolean toErr;

    OutputPump(InputStream in, Console console, boolean toErr) {
        this.in = in;
        this.console = console;
        this.toErr = toErr;
    }

    static Thread start(InputStream in, Console console, boolean toErr) {
        Thread t = new Thread(new OutputPump(in, console, toErr), toErr ? "stderr-pump" : "stdout-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        byte[] buf = new byte[MAX_LINE];
        int held = 0;
        try (in) {
            int n;
            while ((n = in.read(buf, held, buf.length - held)) > 0) {
                int end = held + n;
                int lineStart = 0;
                for (int i = held; i < end; i++) {
                    if (buf[i] == '\n') {
                        console.childLine(toErr, buf, lineStart, i + 1 - lineStart);
                        lineStart = i + 1;
                    }
                }
                held = end - lineStart;
                if (held == buf.length) {
                    console.childLine(toErr, buf, 0, held);
                    held = 0;
                } else if (lineStart > 0) {
                    System.arraycopy(buf, lineStart, buf, 0, held);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the child (or its group) is gone
        }
        if (held > 0) {
            console.childLine(toErr, buf, 0, held);
        }
    }
}
