package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our diffs must be patches that {@code git apply} (strict about hunk counts) accepts and that give the new file. */
class UnifiedDiffTest {
    private static final String PATH = "etc/systemd/system/jobgen-x.timer";
    @TempDir
    Path dir;

    @Test
    void aOneLineChangeIsShownWithThreeLinesOfContext() {
        String diff = UnifiedDiff.of(PATH, bytes("1\n2\n3\n4\n5\n6\n7\n8\n"), bytes("1\n2\n3\n4\nfive\n6\n7\n8\n"));
        assertEquals("--- a/" + PATH + "\n+++ b/" + PATH + "\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    @Test
    void equalFilesHaveNoDiffAndNewFilesComeFromDevNull() {
        assertEquals("", UnifiedDiff.of(PATH, bytes("a\n"), bytes("a\n")));
        assertEquals("--- /dev/null\n+++ b/" + PATH + "\n@@ -0,0 +1,2 @@\n+a\n+b\n",
                UnifiedDiff.of(PATH, Optional.empty(), bytes("a\nb\n")));
        assertEquals("--- a/" + PATH + "\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
                UnifiedDiff.of(PATH, bytes("a\n"), Optional.empty()));
    }

    @Test
    void gitApplyTurnsOldIntoNewForEdgeCases() throws Exception {
        String[][] cases = {
            {"a\nb\nc\n", "a\nb\nc"}, {"a", "b"}, {"", "x\n"}, {"x\n", ""}, {"a\n", "a\nb\nc\n"},
            {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n", "0\n1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n11\n12\n13\n"},
        };
        for (String[] c : cases) {
            assertApplies(c[0], c[1]);
        }
    }

    @Test
    void gitApplyTurnsOldIntoNewForRandomEdits() throws Exception {
        Random random = new Random(20261123);
        for (int round = 0; round < 40; round++) {
            List<String> old = randomLines(random, random.nextInt(30));
            List<String> neu = new ArrayList<>(old);
            for (int k = random.nextInt(6); k >= 0; k--) {
                int at = neu.isEmpty() ? 0 : random.nextInt(neu.size());
                switch (random.nextInt(3)) {
                    case 0 -> neu.add(at, "new" + random.nextInt(5) + "\n");
                    case 1 -> { if (!neu.isEmpty()) neu.remove(at); }
                    default -> { if (!neu.isEmpty()) neu.set(at, "changed" + random.nextInt(3) + "\n"); }
                }
            }
            assertApplies(String.join("", old), String.join("", neu));
        }
    }

    private static List<String> randomLines(Random random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("line" + random.nextInt(6) + "\n");
        }
        return lines;
    }

    private void assertApplies(String before, String after) throws Exception {
        assumeTrue(onPath("git"), "git is not installed");
        Path work = Files.createTempDirectory(dir, "apply");
        Path target = work.resolve(PATH);
        Files.createDirectories(target.getParent());
        Files.writeString(target, before);
        String diff = UnifiedDiff.of(PATH, bytes(before), bytes(after));
        if (before.equals(after)) {
            assertEquals("", diff);
            return;
        }
        Path patch = work.resolve("change.patch");
        Files.writeString(patch, diff);
        Process p = new ProcessBuilder("git", "apply", patch.toString()).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git apply rejected:\n" + diff + "\n" + output);
        assertEquals(after, Files.readString(target), "after applying\n" + diff);
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Optional<byte[]> bytes(String s) {
        return Optional.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
