package dev.jobgen.unitfile;

import java.util.Random;

/** Seeded generator of strings built to break a unit-file escaper. */
final class HostileStrings {
    private static final String[] PIECES = {
        "\"", "'", "\\", "\\\\", "%", "%n", "%%", "$", "$$", "${HOME}", "$HOME", ";", "\\;", " ; ", "-", "@", ":",
        "+", "!", "|", "!!", " ", "  ", "\t", "\n", "\r", "\r\n", "\u0001", "\u001b", "\u007f", "\u000b", "\f",
        "#", "=", "\u00e9", "\u20ac", "\ud83d\ude00", "\u0085", "\u2028", "\u00a0", "\\x41", "\\n", "\\", "`",
        "*", "?", "~", "<", ">", "&", "(", ")", "{", "}", "[", "]", "abc", "A", "0", "/", "./", "..",
    };
    private final Random random;

    HostileStrings(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        switch (random.nextInt(40)) {
            case 0:
                return "";
            case 1:
                return PIECES[random.nextInt(PIECES.length)];
            case 2:
                return longString(10_000 + random.nextInt(60_000));
            default:
                StringBuilder sb = new StringBuilder();
                int n = 1 + random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    sb.append(random.nextInt(6) == 0 ? (char) (1 + random.nextInt(0x2ff)) : PIECES[random.nextInt(PIECES.length)]);
                }
                return sb.toString();
        }
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String longString(int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
