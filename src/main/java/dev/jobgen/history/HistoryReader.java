package dev.jobgen.history;

import dev.jobgen.history.HistoryLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job's history back, oldest first: the rotated {@code runs.jsonl.1}, then
 * {@code runs.jsonl}. Lines that are not UTF-8 or do not parse (a foreign edit, a torn write on a
 * full disk) are skipped one by one and counted, so one bad line never hides the others.
 */
public final class HistoryReader {
    private HistoryReader() {}

    /** The records, and how many non-blank lines were skipped as unreadable. */
    public record History(List<RunRecord> runs, int skippedLines) {
        public History {
            runs = List.copyOf(runs);
        }

        /** A warning for stderr when lines were skipped, else empty. */
        public String warning(Path stateDir) {
            return skippedLines == 0 ? ""
                    : "warning: skipped " + skippedLines + " unreadable line" + (skippedLines == 1 ? "" : "s") + " (not UTF-8 or not a run record) in "
                            + stateDir.resolve(HistoryLog.FILE) + "*";
        }
    }

    public static List<RunRecord> read(Path stateDir) throws IOException {
        return readCounting(stateDir).runs();
    }

    public static History readCounting(Path stateDir) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        int skipped = readInto(stateDir.resolve(HistoryLog.FILE + ".1"), records);
        skipped += readInto(stateDir.resolve(HistoryLog.FILE), records);
        return new History(records, skipped);
    }

    private static int readInto(Path file, List<RunRecord> records) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int skipped = 0;
        int from = 0;
        while (from < bytes.length) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                line = null;
            }
            if (line == null) {
                skipped++;
            } else if (!line.isBlank()) {
                var record = RunRecordJson.parse(line);
                if (record.isPresent()) {
                    records.add(record.get());
                } else {
                    skipped++;
                }
            }
            from = to + 1;
        }
        return skipped;
    }
}
