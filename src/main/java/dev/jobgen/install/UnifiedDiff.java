package dev.jobgen.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unified diff ({@code diff -u}, as {@code patch} and {@code git apply} read it) of one file's
 * old and new bytes, with three lines of context. Units are a few dozen lines, so the edit
 * script comes from a plain longest-common-subsequence table (O(n·m)); above a size bound the
 * whole file is shown as replaced, which is still a correct patch. An absent side is
 * {@code /dev/null}; a last line without a newline gets GNU's "\ No newline at end of file".
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_TABLE = 4_000_000L;

    private UnifiedDiff() {}

    private enum Op { SAME, DEL, ADD }

    private record Edit(Op op, String line, int oldIndex, int newIndex) {}

    /** The diff of {@code path} (relative, e.g. {@code etc/systemd/system/x.timer}); empty when equal. */
    public static String of(String path, Optional<byte[]> before, Optional<byte[]> after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.equals(b) && before.isPresent() == after.isPresent()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before.isPresent() ? "a/" + path : "/dev/null").append('\n');
        out.append("+++ ").append(after.isPresent() ? "b/" + path : "/dev/null").append('\n');
        List<Edit> edits = edits(a, b);
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = hunkEnd(edits, i);
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    // Extends past changes separated by at most 2*CONTEXT unchanged lines; ends CONTEXT lines after the last.
    private static int hunkEnd(List<Edit> edits, int firstChange) {
        int lastChange = firstChange;
        for (int j = firstChange; j < edits.size(); j++) {
            if (edits.get(j).op() != Op.SAME) {
                if (j - lastChange > 2 * CONTEXT) {
                    break;
                }
                lastChange = j;
            }
        }
        return Math.min(edits.size(), lastChange + 1 + CONTEXT);
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldLen = 0;
        int newLen = 0;
        int oldBefore = 0;
        int newBefore = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.ADD) {
                oldStart = oldStart < 0 ? e.oldIndex() : oldStart;
                oldLen++;
            } else {
                oldBefore = e.oldIndex();
            }
            if (e.op() != Op.DEL) {
                newStart = newStart < 0 ? e.newIndex() : newStart;
                newLen++;
            } else {
                newBefore = e.newIndex();
            }
        }
        out.append("@@ -").append(range(oldStart < 0 ? oldBefore : oldStart + 1, oldLen))
                .append(" +").append(range(newStart < 0 ? newBefore : newStart + 1, newLen)).append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op()) {
                case SAME -> ' ';
                case DEL -> '-';
                case ADD -> '+';
            });
            String line = e.line();
            if (line.endsWith("\n")) {
                out.append(line);
            } else {
                out.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    // GNU form: "-5" for one line, "-5,3" otherwise; an empty range names the line before it.
    private static String range(int start, int length) {
        return length == 1 ? String.valueOf(start) : start + "," + length;
    }

    private static List<String> lines(Optional<byte[]> content) {
        List<String> lines = new ArrayList<>();
        String text = content.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        return lines;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Edit> edits = new ArrayList<>();
        if ((long) n * m > MAX_TABLE) {
            for (int i = 0; i < n; i++) {
                edits.add(new Edit(Op.DEL, a.get(i), i, 0));
            }
            for (int j = 0; j < m; j++) {
                edits.add(new Edit(Op.ADD, b.get(j), n, j));
            }
            return edits;
        }
        // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(Op.SAME, a.get(i), i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit(Op.DEL, a.get(i), i++, j));
            } else {
                edits.add(new Edit(Op.ADD, b.get(j), i, j++));
            }
        }
        return edits;
    }
}
