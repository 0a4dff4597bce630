package dev.jobgen.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job's history back, oldest first: the rotated {@code runs.jsonl.1}, then
 * {@code runs.jsonl}. Lines that do not parse (a foreign edit, a torn write on a full disk) are
 * skipped.
 */
public final class HistoryReader {
    private HistoryReader() {}

    public static List<RunRecord> read(Path stateDir) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        readInto(stateDir.resolve(HistoryLog.FILE + ".1"), records);
        readInto(stateDir.resolve(HistoryLog.FILE), records);
        return records;
    }

    private static void readInto(Path file, List<RunRecord> records) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                RunRecordJson.parse(line).ifPresent(records::add);
            }
        }
    }
}
