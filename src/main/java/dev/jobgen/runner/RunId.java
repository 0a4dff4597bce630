package dev.jobgen.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A random (version 4) UUID for one run, from 16 bytes of {@code /dev/urandom}: {@code
 * UUID.randomUUID()} would initialise {@code SecureRandom}'s provider machinery on the hot path.
 */
final class RunId {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RunId() {}

    static String random() {
        byte[] b = new byte[16];
        try (InputStream in = Files.newInputStream(Path.of("/dev/urandom"))) {
            if (in.readNBytes(b, 0, 16) != 16) {
                throw new IOException("short read");
            }
        } catch (IOException e) {
            new SecureRandom().nextBytes(b);
        }
        return format(b);
    }

    static String format(byte[] b) {
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        StringBuilder sb = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                sb.append('-');
            }
            sb.append(HEX[(b[i] >> 4) & 0xf]).append(HEX[b[i] & 0xf]);
        }
        return sb.toString();
    }
}
