package dev.jobgen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown of the reference as man(7): each construct the reference uses, escaped so groff prints it as written. */
class MarkdownRoffTest {
    private static final String SAMPLE = """
            # Title left out

            Intro with `--flag`, *emphasis*, **strong** and a [link](https://example.com/x).
            .dot at a line start, 'quote too, a back\\\\slash and µs.

            ## Section one

            | key | meaning | default |
            |---|---|---|
            | `lock` | `none` or `node` | `none` |
            | `plain` | no default | |

            1. first
            2. second, with a nested list:
               - inner
            - bullet

            ```
            .not a request
            \\ backslash
            ```

            ### Deeper

            Line one\\
            line two

            ## Skipped section

            gone
            """;

    private static String render() {
        Roff r = new Roff("t", 1, "2026-01-01", "jobgen 9", "t", "sample");
        MarkdownRoff.render(r, SAMPLE, 1, Set.of("Skipped section"));
        return r.toString();
    }

    @Test
    void eachConstructBecomesItsManRequest() {
        String roff = render();
        String body = roff.substring(roff.indexOf("\\- sample\n") + "\\- sample\n".length());
        assertEquals("""
                .PP
                Intro with \\fB\\-\\-flag\\fP, \\fIemphasis\\fP, \\fBstrong\\fP and a link\\&.
                \\&.dot at a line start, 'quote too, a back\\eslash and \\[u00B5]s.
                .SH "SECTION ONE"
                .TP
                \\fB\\fBlock\\fP\\fR
                \\fImeaning:\\fP \\fBnone\\fP or \\fBnode\\fP
                .br
                \\fIdefault:\\fP \\fBnone\\fP
                .TP
                \\fB\\fBplain\\fP\\fR
                \\fImeaning:\\fP no default
                .IP 1. 4
                first
                .IP 2. 4
                second, with a nested list:
                .RS 4
                .IP \\(bu 4
                inner
                .RE
                .IP \\(bu 4
                bullet
                .PP
                .nf
                .RS 4
                \\&.not a request
                \\e backslash
                .RE
                .fi
                .SS "Deeper"
                .PP
                Line one
                .br
                line two
                """, body);
    }

    @Test
    void groffPrintsTheTextAsWrittenWithoutAWarning(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "needs groff (apt-get install groff-base)");
        Path page = dir.resolve("t.1");
        Files.writeString(page, render());
        Process p = new ProcessBuilder(List.of("groff", "-ww", "-man", "-Tutf8", page.toString()))
                .redirectError(ProcessBuilder.Redirect.to(dir.resolve("err").toFile())).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".\b", "");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", Files.readString(dir.resolve("err")), "groff warnings");
        assertEquals(0, p.exitValue());
        for (String shown : List.of("--flag", ".dot at a line start", "back\\slash", "µs", ".not a request", "\\ backslash",
                "meaning: none or node", "SECTION ONE")) {
            assertTrue(text.contains(shown), "'" + shown + "' not shown as written in:\n" + text);
        }
        assertTrue(!text.contains("gone") && !text.contains("Title left out"), "left-out sections stay out");
    }
}
