package dev.jobgen.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds references to files of the repository that do not exist: Markdown links (and their
 * {@code #anchors}) in every {@code .md} file, and, in every text file, paths rooted at the
 * repository's top level ({@code src/main/...}, {@code examples/...}, {@code docs/...}), Java
 * files named by package ({@code plan/DirectiveGates.java}) and Markdown file names.
 */
final class ReferenceScanner {
    /**
     * Documents the team shares outside the repository: naming one is fine only where the same
     * line says so, so that nobody goes looking for it in a checkout.
     */
    static final Set<String> OUTSIDE = Set.of("DESIGN.md");
    static final String OUTSIDE_MARK = "outside this repository";

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "md", "sh", "py", "rb", "pp", "yaml", "yml",
            "ftl", "xml", "txt", "properties", "cfg", "conf", "json", "erb", "epp");
    /** Paths that start at the repository's top level: its own directories, and docs/ that it must not grow. */
    private static final Pattern ROOTED = Pattern.compile(
            "(?<![\\w./~$@:%-])((?:src/(?:main|test|docs|tools)|templates|examples|bench|\\.ci|docs)/[\\w./*<>{}$-]*)");
    private static final Pattern JAVA_BY_PACKAGE = Pattern.compile("(?<![\\w./-])((?:[a-z]+/)+[A-Z]\\w*\\.java)\\b");
    /** The checker's own test: its samples dangle on purpose. */
    private static final Path SELF = Path.of("src/test/java/dev/jobgen/docs");
    private static final Pattern MARKDOWN_NAME = Pattern.compile("(?<![\\w./~$@:%\\[-])((?:\\.\\./|[\\w.-]+/)*[\\w-]+\\.md)\\b");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final Map<Path, Set<String>> anchors = new HashMap<>();
    private final Set<String> packages = new java.util.TreeSet<>();

    ReferenceScanner(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        for (String tree : List.of("src/main/java/dev/jobgen", "src/test/java/dev/jobgen")) {
            Path dir = this.root.resolve(tree);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(Files::isDirectory).forEach(p -> packages.add(p.getFileName().toString()));
                }
            }
        }
    }

    /** One reference that leads nowhere. */
    record Problem(Path file, int line, String reference, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": '" + reference + "' " + why;
        }
    }

    /** Every text file of the repository, build output and VCS data left out. */
    List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).getNameCount() == 0 || !SKIPPED_DIRS.contains(root.relativize(p).getName(0).toString()))
                    .filter(p -> !root.relativize(p).startsWith(SELF))
                    .filter(ReferenceScanner::isText)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            return TEXT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
        return true; // scripts without an extension (.ci/run, the launcher, an inventory): checked for NUL below
    }

    List<Problem> scan(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return List.of();
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            names(file, i + 1, lines[i], problems);
        }
        if (file.getFileName().toString().endsWith(".md")) {
            links(file, text, problems);
        }
        // a link's target is also a name in the text: report each reference of a line once
        Map<String, Problem> once = new java.util.LinkedHashMap<>();
        for (Problem p : problems) {
            once.putIfAbsent(p.line() + " " + p.reference(), p);
        }
        return List.copyOf(once.values());
    }

    private void names(Path file, int line, String text, List<Problem> problems) {
        Path rel = root.relativize(file);
        Matcher m = ROOTED.matcher(text);
        while (m.find()) {
            String ref = trim(m.group(1));
            if (!placeholder(ref) && !Files.exists(root.resolve(ref))) {
                problems.add(new Problem(rel, line, ref, "is not a file or directory of the repository"));
            }
        }
        m = JAVA_BY_PACKAGE.matcher(text);
        while (m.find()) {
            String ref = m.group(1);
            if (!packages.contains(ref.substring(0, ref.indexOf('/')))) {
                continue; // a path of some other tree (a bench's work/Hello.java)
            }
            boolean found = ref.startsWith("src/") || Files.exists(root.resolve(ref))
                    || Files.exists(root.resolve("src/main/java/dev/jobgen").resolve(ref))
                    || Files.exists(root.resolve("src/test/java/dev/jobgen").resolve(ref))
                    || Files.exists(file.getParent().resolve(ref));
            if (!found) {
                problems.add(new Problem(rel, line, ref, "is no Java file of src/main/java/dev/jobgen or src/test/java/dev/jobgen"));
            }
        }
        m = MARKDOWN_NAME.matcher(text);
        while (m.find()) {
            String ref = m.group(1);
            if (ROOTED.matcher(ref).lookingAt()) {
                continue; // checked from the top above
            }
            if (OUTSIDE.contains(ref)) {
                if (!text.contains(OUTSIDE_MARK)) {
                    problems.add(new Problem(rel, line, ref, "is not in the repository: say on the same line that it is '"
                            + OUTSIDE_MARK + "', or cite the reference under src/docs"));
                }
            } else if (findNear(file, ref) == null) {
                problems.add(new Problem(rel, line, ref, "does not exist (looked beside the file, in its parents, at the top and in src/docs)"));
            }
        }
    }

    /** The file a name refers to: beside the citing file, in one of its parents, from the top, or in src/docs. */
    private Path findNear(Path file, String ref) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Path candidate = dir.resolve(ref).normalize();
            if (candidate.startsWith(root) && Files.exists(candidate)) {
                return candidate;
            }
        }
        // src/docs is the reference's home: a bare page name (the man page builder's) means one of its files
        for (String base : List.of("src/docs", "src/test/resources", "src/main/resources")) {
            Path candidate = root.resolve(base).resolve(ref).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void links(Path file, String text, List<Problem> problems) throws IOException {
        Path rel = root.relativize(file);
        List<Node> targets = new ArrayList<>();
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image);
                visitChildren(image);
            }
        });
        for (Node node : targets) {
            String destination = node instanceof Link l ? l.getDestination() : ((Image) node).getDestination();
            int line = node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
            if (destination.isEmpty() || SCHEME.matcher(destination).find()) {
                continue;
            }
            int hash = destination.indexOf('#');
            String path = hash < 0 ? destination : destination.substring(0, hash);
            String anchor = hash < 0 ? null : destination.substring(hash + 1);
            Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
            if (!target.startsWith(root)) {
                problems.add(new Problem(rel, line, destination, "leaves the repository"));
            } else if (!Files.exists(target)) {
                problems.add(new Problem(rel, line, destination, "is a link to a file that does not exist"));
            } else if (anchor != null && target.getFileName().toString().endsWith(".md") && !anchorsOf(target).contains(anchor)) {
                problems.add(new Problem(rel, line, destination, "names no heading of " + root.relativize(target)
                        + " (anchors: " + anchorsOf(target) + ")"));
            }
        }
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    Set<String> anchorsOf(Path file) throws IOException {
        Set<String> known = anchors.get(file);
        if (known == null) {
            known = anchorsOf(Files.readString(file, StandardCharsets.UTF_8));
            anchors.put(file, known);
        }
        return known;
    }

    Set<String> anchorsOf(String text) {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String slug = slug(plainText(heading));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                found.add(n == 0 ? slug : slug + "-" + n);
            }
        });
        return found;
    }

    /**
     * GitHub's rule: the heading's text (code spans without their backticks) in lower case, every
     * character but letters, digits, {@code -}, {@code _} and spaces dropped, spaces made {@code -}.
     */
    static String slug(String heading) {
        StringBuilder b = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    private static String plainText(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                b.append(code.getLiteral());
            }
        });
        return b.toString();
    }

    /** Sentence punctuation after a path is not part of it. */
    private static String trim(String ref) {
        String r = ref;
        while (!r.isEmpty() && ".,:;)".indexOf(r.charAt(r.length() - 1)) >= 0) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** A pattern rather than a path: a glob, a {@code <name>}, {@code $VAR} or an upper-case stand-in (N, NAME). */
    private static boolean placeholder(String ref) {
        if (ref.matches(".*[*<>{}$].*")) {
            return true;
        }
        for (String segment : ref.split("/")) {
            if (segment.matches("[A-Z][A-Z0-9_]*(\\.\\w+)?") && !segment.equals("README.md")) {
                return true;
            }
        }
        return false;
    }
}
