package dev.jobgen.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of replacements: all or nothing while writing, every file durable before any rename. */
class AtomicWriterTest {
    @TempDir
    Path dir;

    private static Map<Path, byte[]> batch(Path dir, int n, String version) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(dir.resolve("unit-" + i + ".service"), (version + " " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLargeBatchOnDiskLandsWholeWithItsModeAndNoTempFiles() throws IOException {
        Map<Path, byte[]> files = batch(dir, 300, "new");
        AtomicWriter writer = new AtomicWriter(new NioFileOps());
        writer.stageAll(files);
        writer.commit(dir);
        assertEquals(files.keySet().stream().map(p -> p.getFileName().toString()).sorted().toList(), names(dir));
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getKey())));
        }
    }

    @Test
    void aBatchReplacesExistingFiles() throws IOException {
        AtomicWriter writer = new AtomicWriter(new NioFileOps());
        writer.stageAll(batch(dir, 40, "old"));
        Map<Path, byte[]> next = batch(dir, 40, "new");
        writer.stageAll(next);
        for (Map.Entry<Path, byte[]> f : next.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()));
        }
        assertEquals(40, names(dir).size());
    }

    @Test
    void whenAWriteFailsNoTargetChangesAndTheTempFilesAreGone() throws IOException {
        AtomicWriter writer = new AtomicWriter(new NioFileOps());
        Map<Path, byte[]> old = batch(dir, 50, "old");
        writer.stageAll(old);
        Map<Path, byte[]> next = batch(dir, 50, "new");
        // a directory where one temp file must go: that write fails, after others succeeded
        Files.createDirectory(InstallLayout.tempFor(dir.resolve("unit-37.service")));
        assertThrows(IOException.class, () -> writer.stageAll(next));
        for (Map.Entry<Path, byte[]> f : old.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()), f.getKey() + " changed");
        }
        assertEquals(List.of(), names(dir).stream().filter(n -> n.startsWith(".")).toList(), "temp files left behind");
    }

    /** Real operations, each mutating one noted in order as "operation file-name". */
    private static final class Journal extends ForwardingFileOps {
        final List<String> ops = new java.util.ArrayList<>();

        @Override
        public void writeDurably(Path temp, byte[] content) throws IOException {
            ops.add("write " + temp.getFileName());
            super.writeDurably(temp, content);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            ops.add("rename " + to.getFileName());
            super.rename(from, to);
        }

        @Override
        public void syncDirectory(Path d) throws IOException {
            ops.add("sync " + d.getFileName());
            super.syncDirectory(d);
        }
    }

    @Test
    void everyFileIsDurableBeforeAnyRenameAndTheDirectoryIsForcedAfter() throws IOException {
        Journal journal = new Journal();
        AtomicWriter writer = new AtomicWriter(journal);
        writer.stageAll(batch(dir, 3, "new"));
        writer.commit(dir);
        assertEquals(List.of("write .unit-0.service.jobgen-new", "write .unit-1.service.jobgen-new",
                "write .unit-2.service.jobgen-new", "rename unit-0.service", "rename unit-1.service",
                "rename unit-2.service", "sync " + dir.getFileName()), journal.ops);

        journal.ops.clear();
        writer.createWhole(dir.resolve("out"), Map.of("a.service", new byte[] {'a'}));
        assertEquals(List.of("write a.service", "sync .out.jobgen-new", "rename out", "sync " + dir.getFileName()),
                journal.ops, "the files, then the staging directory, then the rename, then its parent");
    }

    @Test
    void aDirectoryThatAppearsMeanwhileIsLeftAsItIsAndNoStagingRemains() throws IOException {
        Path out = dir.resolve("out");
        FileOps racing = new ForwardingFileOps() {
            @Override
            public void syncDirectory(Path d) throws IOException {
                super.syncDirectory(d);
                if (d.getFileName().toString().startsWith(".out")) { // someone else creates out now
                    Files.writeString(Files.createDirectories(out).resolve("theirs"), "theirs");
                }
            }
        };
        assertThrows(IOException.class, () -> new AtomicWriter(racing).createWhole(out, Map.of("a.service", new byte[] {'a'})));
        assertEquals(List.of("theirs"), names(out));
        assertEquals(List.of("out"), names(dir), "the staging directory is removed");
    }

    @Test
    void theFallbackForcesFilesOnAnyFileSystem() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path units = Files.createDirectories(fs.getPath("/etc/systemd/system"));
            Map<Path, byte[]> files = batch(units, 64, "new");
            new AtomicWriter(new NioFileOps()).stageAll(files);
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()));
            }
            assertEquals(64, names(units).size());
        }
    }

    @Test
    void aNewDirectoryAppearsWithExactlyItsFilesAndNoStagingLeft() throws IOException {
        Path out = dir.resolve("deep/units");
        Map<String, byte[]> files = new LinkedHashMap<>();
        batch(dir, 120, "new").forEach((p, c) -> files.put(p.getFileName().toString(), c));
        // a staging directory a crashed run left behind is replaced, not merged
        Path stale = Files.createDirectories(dir.resolve("deep/.units.jobgen-new"));
        Files.writeString(stale.resolve("stale.service"), "old");
        new AtomicWriter(new NioFileOps()).createWhole(out, files);
        assertEquals(files.keySet().stream().sorted().toList(), names(out));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(out.resolve(f.getKey())));
        }
        assertEquals(List.of("units"), names(dir.resolve("deep")));
    }

    @Test
    void aNewDirectoryIsNotCreatedWhenAFileCannotBeWritten() throws IOException {
        Path out = dir.resolve("units");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.service", "a".getBytes(StandardCharsets.UTF_8));
        files.put("sub/b.service", "b".getBytes(StandardCharsets.UTF_8)); // no such subdirectory
        assertThrows(IOException.class, () -> new AtomicWriter(new NioFileOps()).createWhole(out, files));
        assertEquals(List.of(), names(dir));
    }
}
