package dev.jobgen.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell command line cut into simple commands and their words, as far as naming a job needs:
 * quotes are honoured (a separator inside quotes separates nothing), expansions ({@code $VAR},
 * {@code ${...}}, {@code $(...)}, {@code $((...))}, backquotes) stand as {@link #EXPANSION} in
 * the word they are part of, and redirections with their targets are left out. Not a shell
 * parser: what it cannot follow ends up in a word it marks {@link Word#opaque()}, which is never
 * a name.
 */
final class ShellSegments {
    /** Stands for the unknown text an expansion produces. */
    static final char EXPANSION = '\0';

    /**
     * One word with its quotes removed; {@code opaque} when it came from quotes around blanks (a
     * whole command given as an argument, or prose) and so says nothing about the job's name.
     */
    record Word(String text, boolean opaque) {}

    private final String line;
    private int pos;
    private final List<List<Word>> segments = new ArrayList<>();
    private List<Word> segment = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private boolean opaque;
    private boolean dropNextWord;

    private ShellSegments(String line) {
        this.line = line;
    }

    /** The simple commands of {@code line} in order, each as its words; empty ones left out. */
    static List<List<Word>> of(String line) {
        ShellSegments s = new ShellSegments(line);
        s.scan();
        return s.segments;
    }

    private void scan() {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t') {
                endWord();
                pos++;
            } else if (c == '#' && !inWord) {
                break; // a comment to the end of the line
            } else if (c == '\'') {
                int end = line.indexOf('\'', pos + 1);
                end = end < 0 ? line.length() : end;
                quoted(line.substring(pos + 1, end));
                pos = end + 1;
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '\\') {
                inWord = true;
                if (pos + 1 < line.length()) {
                    word.append(line.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                expansion();
            } else if (c == '<' || c == '>' || (c == '&' && at(pos + 1) == '>')) {
                redirection();
            } else if (";&|()\n".indexOf(c) >= 0) {
                endSegment();
                pos++;
            } else {
                inWord = true;
                word.append(c);
                pos++;
            }
        }
        endSegment();
    }

    private char at(int i) {
        return i < line.length() ? line.charAt(i) : 0;
    }

    private void quoted(String text) {
        inWord = true;
        opaque |= text.contains(" ") || text.contains("\t");
        word.append(text);
    }

    private void doubleQuoted() {
        pos++;
        StringBuilder text = new StringBuilder();
        while (pos < line.length() && line.charAt(pos) != '"') {
            char c = line.charAt(pos);
            if (c == '\\' && pos + 1 < line.length()) {
                text.append(line.charAt(pos + 1));
                pos += 2;
            } else if (c == '$' || c == '`') {
                int before = pos;
                pos = skipExpansion(pos);
                text.append(pos > before + 1 ? EXPANSION : c);
            } else {
                text.append(c);
                pos++;
            }
        }
        pos++;
        quoted(text.toString());
    }

    private void expansion() {
        int before = pos;
        pos = skipExpansion(pos);
        inWord = true;
        if (pos == before + 1) {
            word.append(line.charAt(before)); // a lone '$' is itself
        } else {
            word.append(EXPANSION);
        }
    }

    /** The position after the expansion starting at {@code from} ('$' or '`'). */
    private int skipExpansion(int from) {
        char c = line.charAt(from);
        if (c == '`') {
            int end = line.indexOf('`', from + 1);
            return end < 0 ? line.length() : end + 1;
        }
        char next = at(from + 1);
        if (next == '(' || next == '{') {
            return closing(from + 1, next, next == '(' ? ')' : '}');
        }
        int i = from + 1;
        if (Character.isDigit(next) || "?#@*!$-".indexOf(next) >= 0) {
            return i + 1;
        }
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** The position after the bracket that closes the one at {@code open}, counting nested pairs and skipping quotes. */
    private int closing(int open, char left, char right) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                i = end < 0 ? line.length() : end;
            } else if (c == left) {
                depth++;
            } else if (c == right && --depth == 0) {
                return i + 1;
            }
        }
        return line.length();
    }

    /** {@code >}, {@code >>}, {@code 2>&1}, {@code &>}, {@code <}: the operator and its target are no words. */
    private void redirection() {
        if (inWord && !opaque && word.toString().chars().allMatch(Character::isDigit)) {
            word.setLength(0); // the descriptor number of "2>"
            inWord = false;
        }
        endWord();
        while (pos < line.length() && "<>&".indexOf(line.charAt(pos)) >= 0) {
            boolean duplicate = line.charAt(pos) == '&' && pos > 0 && "<>".indexOf(line.charAt(pos - 1)) >= 0;
            pos++;
            if (duplicate) {
                int start = pos;
                while (pos < line.length() && (Character.isDigit(line.charAt(pos)) || line.charAt(pos) == '-')) {
                    pos++; // ">&2", ">&-" name no file
                }
                if (pos > start) {
                    return;
                }
            }
        }
        dropNextWord = true;
    }

    private void endWord() {
        if (!inWord) {
            return;
        }
        Word done = new Word(word.toString(), opaque);
        word.setLength(0);
        inWord = false;
        opaque = false;
        if (dropNextWord) {
            dropNextWord = false;
        } else if (done.text().equals("{") || done.text().equals("}")) {
            endSegment();
        } else {
            segment.add(done);
        }
    }

    private void endSegment() {
        endWord();
        if (!segment.isEmpty()) {
            segments.add(segment);
            segment = new ArrayList<>();
        }
    }
}
