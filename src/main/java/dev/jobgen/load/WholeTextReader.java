package dev.jobgen.load;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * snakeyaml's reader over a text that is already in memory, in linear time. snakeyaml's own
 * {@link StreamReader} reads 1,024 characters at a time and copies its whole look-ahead window
 * on every read; the scanner looks ahead over a whole plain or quoted word before consuming it,
 * so one word of n characters costs n²/1,024 copies (a 10 MiB scalar took about 50 s). Here the
 * window is the whole text, decoded to code points once, so a peek is an array access.
 *
 * <p>Every public method of {@link StreamReader} is overridden with the same meaning: positions
 * count code points, a line ends at LF, NEL, LS, PS or a CR not followed by LF, a BOM takes no
 * column, and reading past the end gives 0. A character YAML does not allow (snakeyaml's
 * {@link StreamReader#isPrintable(int)}) is refused with a {@link ReaderException} when the
 * scanner first looks at it, so errors earlier in the text are still reported first.
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'string'";
    private final int[] codePoints;
    private final int firstUnprintable;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        super("");
        this.codePoints = text.codePoints().toArray();
        int bad = 0;
        while (bad < codePoints.length && StreamReader.isPrintable(codePoints[bad])) {
            bad++;
        }
        this.firstUnprintable = bad;
    }

    /** Whether {@code ahead} code points past the current one exist; refuses an unprintable one there or before. */
    private boolean has(int ahead) {
        int at = pointer + ahead;
        if (at >= firstUnprintable && firstUnprintable < codePoints.length) {
            throw new ReaderException(NAME, firstUnprintable, codePoints[firstUnprintable], "special characters are not allowed");
        }
        return at < codePoints.length;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && has(0); i++) {
            if (endsLine(pointer)) {
                line++;
                column = 0;
            } else if (codePoints[pointer] != 0xFEFF) {
                column++;
            }
            pointer++;
            documentIndex++;
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int index) {
        return has(index) ? codePoints[pointer + index] : 0;
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        has(length);
        return new String(codePoints, pointer, Math.min(length, codePoints.length - pointer));
    }

    /** Only called for text without line breaks, so the column moves by {@code length}. */
    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }

    /** The 0-based line and column of the code point at {@code index}, counted as {@link #forward} counts. */
    int[] lineAndColumn(int index) {
        int l = 0;
        int c = 0;
        for (int i = 0; i < index && i < codePoints.length; i++) {
            if (endsLine(i)) {
                l++;
                c = 0;
            } else if (codePoints[i] != 0xFEFF) {
                c++;
            }
        }
        return new int[] {l, c};
    }

    private boolean endsLine(int i) {
        int c = codePoints[i];
        return Constant.LINEBR.has(c) || (c == '\r' && i + 1 < codePoints.length && codePoints[i + 1] != '\n');
    }
}
