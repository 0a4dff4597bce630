package dev.jobgen.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A plain-text table whose columns are as wide as their widest cell, two spaces apart, the last
 * one unpadded: a long job name or note moves the columns to its right instead of pushing one row
 * out of line. Cells are made single-line, since a line break or tab in a value would break the grid.
 */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> rightAligned = new HashSet<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Numbers read best right-aligned: their digits line up. Columns count from 0. */
    TextTable alignRight(int... columns) {
        for (int column : columns) {
            rightAligned.add(column);
        }
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(Objects.requireNonNull(cell, "cell").replaceAll("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]", " "));
        }
        rows.add(row);
        return this;
    }

    /** The header and every row, each line ending in a newline and without trailing spaces. */
    String render() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.codePointCount(0, cell.length()));
                line.append(rightAligned.contains(i) ? padding + cell : cell + padding);
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
