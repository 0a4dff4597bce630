package dev.jobgen.runner;

/** The last {@code capacity} bytes of the child's output (both streams, in arrival order). */
final class LogTail {
    private final byte[] ring;
    private long written;

    LogTail(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void append(byte[] b, int off, int len) {
        if (ring.length == 0) {
            return;
        }
        if (len >= ring.length) {
            off += len - ring.length;
            len = ring.length;
        }
        int at = (int) (written % ring.length);
        int first = Math.min(len, ring.length - at);
        System.arraycopy(b, off, ring, at, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        written += len;
    }

    /** The kept bytes, oldest first. */
    synchronized byte[] bytes() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        int start = (int) ((written - size) % Math.max(1, ring.length));
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }
}
