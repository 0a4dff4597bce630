package dev.jobgen.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns a page of the reference (src/docs/*.md, CommonMark with GitHub tables) into man(7)
 * requests on a {@link Roff}, so that the man pages say what the reference says. man has two
 * heading levels and no tables without a preprocessor: headings map onto {@code .SH}/{@code .SS},
 * and a table becomes one tagged paragraph per row (the first cell as the tag, the other cells
 * under their column names). Links keep their text; code spans are bold, emphasis italic.
 */
final class MarkdownRoff {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final Roff out;
    private final int shift;
    private final Set<String> skipped;

    /**
     * @param shift   subtracted from a heading's level: 0 makes {@code #} a {@code .SH}, 1 makes {@code ##} one
     *                (headings that end up above {@code .SH} are left out, their text stays)
     * @param skipped headings whose whole section is left out (the page has it from elsewhere)
     */
    private MarkdownRoff(Roff out, int shift, Set<String> skipped) {
        this.out = out;
        this.shift = shift;
        this.skipped = skipped;
    }

    static void render(Roff out, String markdown, int shift, Set<String> skipped) {
        new MarkdownRoff(out, shift, skipped).blocks(PARSER.parse(markdown));
    }

    private void blocks(Node parent) {
        int skipLevel = Integer.MAX_VALUE;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                if (h.getLevel() <= skipLevel) {
                    skipLevel = skipped.contains(plain(h)) ? h.getLevel() : Integer.MAX_VALUE;
                }
                if (skipLevel != Integer.MAX_VALUE) {
                    continue;
                }
                heading(h);
            } else if (skipLevel == Integer.MAX_VALUE) {
                block(n);
            }
        }
    }

    private void heading(Heading h) {
        int level = h.getLevel() - shift;
        if (level == 1) {
            out.section(plain(h).toUpperCase(Locale.ROOT));
        } else if (level > 1) {
            out.subsection(plain(h));
        }
    }

    private void block(Node n) {
        if (n instanceof Paragraph p) {
            out.formattedParagraph(inline(p));
        } else if (n instanceof FencedCodeBlock code) {
            out.example(stripFinalNewline(code.getLiteral()));
        } else if (n instanceof IndentedCodeBlock code) {
            out.example(stripFinalNewline(code.getLiteral()));
        } else if (n instanceof BulletList list) {
            items(list, null);
        } else if (n instanceof OrderedList list) {
            items(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
        } else if (n instanceof TableBlock table) {
            table(table);
        } else if (n instanceof BlockQuote quote) {
            out.indent(true);
            blocks(quote);
            out.indent(false);
        } else if (n instanceof HtmlBlock html) {
            out.example(stripFinalNewline(html.getLiteral()));
        } else if (!(n instanceof ThematicBreak)) {
            throw new IllegalArgumentException("no man page form for Markdown " + n.getClass().getSimpleName());
        }
    }

    /** List items as indented paragraphs with a bullet or their number; nested blocks follow indented. */
    private void items(Node list, Integer start) {
        int number = start == null ? 0 : start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String mark = start == null ? "\\(bu" : (number++) + ".";
            boolean first = true;
            for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
                if (first && b instanceof Paragraph p) {
                    out.listItem(mark, inline(p));
                } else {
                    if (first) {
                        out.listItem(mark, "");
                    }
                    out.indent(true);
                    block(b);
                    out.indent(false);
                }
                first = false;
            }
        }
    }

    /** A row per tagged paragraph: the first cell is the tag, each other cell follows under its column's name. */
    private void table(TableBlock table) {
        List<String> names = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(section instanceof TableHead ? plain(cell) : inline(cell));
                }
                if (section instanceof TableHead) {
                    names.addAll(cells);
                    continue;
                }
                List<String> lines = new ArrayList<>();
                for (int i = 1; i < cells.size(); i++) {
                    if (!cells.get(i).isBlank()) {
                        String name = i < names.size() && !names.get(i).isBlank() ? names.get(i) : "";
                        lines.add(name.isEmpty() ? cells.get(i) : "\\fI" + Roff.escape(name) + ":\\fP " + cells.get(i));
                    }
                }
                out.formattedItem(cells.isEmpty() ? "" : cells.get(0), lines);
            }
        }
    }

    /** Roff text of a block's inline content: escaped, with font changes; a soft break stays a line break. */
    private static String inline(Node parent) {
        StringBuilder b = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(Roff.escape(t.getLiteral()));
            } else if (n instanceof Code c) {
                b.append("\\fB").append(Roff.escape(c.getLiteral())).append("\\fP");
            } else if (n instanceof Emphasis) {
                b.append("\\fI").append(inline(n)).append("\\fP");
            } else if (n instanceof StrongEmphasis) {
                b.append("\\fB").append(inline(n)).append("\\fP");
            } else if (n instanceof SoftLineBreak) {
                b.append('\n');
            } else if (n instanceof HardLineBreak) {
                b.append(Roff.LINE_BREAK);
            } else if (n instanceof HtmlInline html) {
                b.append(Roff.escape(html.getLiteral()));
            } else if (n instanceof TableCell || n.getFirstChild() != null) {
                b.append(inline(n)); // a link, an image: its text
            }
        }
        return b.toString();
    }

    /** The text of a heading or header cell, code spans without backticks. */
    static String plain(Node parent) {
        StringBuilder b = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                b.append(' ');
            } else {
                b.append(plain(n));
            }
        }
        return b.toString();
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
