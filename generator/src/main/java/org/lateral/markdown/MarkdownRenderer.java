package org.lateral.markdown;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * Markdown to HTML with commonmark-java: GFM tables, task lists, strikethrough, autolinks,
 * footnotes, heading ids whose text links to them, {@code [TOC]} and typographic quotes and
 * dashes.
 *
 * <p>Build one per site build and share it: the parsers and renderers are immutable and
 * thread-safe, so pages are rendered in parallel with one instance.
 *
 * <pre>{@code
 * MarkdownRenderer md = new MarkdownRenderer();
 * Rendered r = md.render("# Hello\n\nFirst paragraph.", false);
 * }</pre>
 */
public final class MarkdownRenderer {

    /** Marks the end of a post's summary. */
    public static final String MORE = "<!--more-->";

    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(" {0,3}\\[[^\\]]+\\]:[ \t]*<?");
    private static final String TOC_MARKER = "<p>[TOC]</p>";

    private final Parser parser;
    /** The same parser without GFM's bare-address autolinks, for the many bodies that have none. */
    private final Parser parserWithoutAutolinks;
    /**
     * With source positions, for the few bodies that link to a Markdown file or show a picture (each
     * reported at its own line).
     */
    private final Parser parserWithLines;
    private final HtmlRenderer renderer;
    /** Summaries are shown many to a page: no heading ids (they would clash) and no anchors. */
    private final HtmlRenderer summaryRenderer;

    public MarkdownRenderer() {
        List<Extension> common = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListItemsExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.create());
        List<Extension> withAutolinks = new ArrayList<>(common);
        withAutolinks.add(AutolinkExtension.create());
        this.parser = Parser.builder().extensions(withAutolinks).postProcessor(new WwwLinks())
                .postProcessor(new Typographer()).postProcessor(new Embeds()).build();
        this.parserWithoutAutolinks = Parser.builder().extensions(common).postProcessor(new Typographer())
                .postProcessor(new Embeds()).build();
        this.parserWithLines = Parser.builder().extensions(withAutolinks).postProcessor(new WwwLinks())
                .postProcessor(new Typographer()).postProcessor(new Embeds())
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        this.renderer = HtmlRenderer.builder().extensions(withAutolinks)
                .nodeRendererFactory(HeadingLinks::new)
                .nodeRendererFactory(Embeds.PageRenderer::new)
                .attributeProviderFactory(context -> new TaskListAttributes())
                .attributeProviderFactory(context -> new TableAlignment())
                .build();
        List<Extension> summaryExtensions = new ArrayList<>(withAutolinks);
        summaryExtensions.removeIf(e -> e instanceof HeadingAnchorExtension);
        this.summaryRenderer = HtmlRenderer.builder().extensions(summaryExtensions)
                .nodeRendererFactory(Embeds.PlainRenderer::new)
                .attributeProviderFactory(context -> new TaskListAttributes())
                .attributeProviderFactory(context -> new TableAlignment())
                .build();
    }

    /** How long one file's conversion may take: {@code -Dlateral.markdownTimeout=MILLISECONDS}. */
    public static final String TIMEOUT_PROPERTY = "lateral.markdownTimeout";

    /**
     * Converts on threads of their own, with a large stack (nesting is checked after parsing, and
     * commonmark-java's post-processors recurse), so that a conversion can be given a deadline.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "lateral-markdown-" + count.incrementAndGet(), 64L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        }
    });

    static Duration timeout() {
        return Duration.ofMillis(Long.getLong(TIMEOUT_PROPERTY, 60_000));
    }

    /**
     * Renders a post's body within the {@linkplain Limits limits} and the {@linkplain #timeout()
     * deadline}.
     *
     * @param file      the post, for problems
     * @param firstLine the line of the file on which the body starts
     * @throws LateralException at the line of a table too large or of nesting too deep, or when the
     *                          conversion takes longer than the deadline
     */
    public Rendered render(String markdown, boolean withToc, Path file, int firstLine) {
        return render(markdown, withToc, file, firstLine, Optional.empty());
    }

    /**
     * As {@link #render(String, boolean, Path, int)}, for a body whose summary may be written in its
     * front matter ({@code summary:}): that text, read as Markdown, is then the summary everywhere
     * one is shown (lists, feeds, meta descriptions, search), instead of the body's opening.
     *
     * @param summary the front matter's {@code summary:}, if any
     */
    public Rendered render(String markdown, boolean withToc, Path file, int firstLine, Optional<String> summary) {
        Optional<Problem> table = Limits.tables(markdown, file, firstLine);
        if (table.isPresent()) {
            throw new LateralException(table.get());
        }
        Future<Rendered> job = WORKERS.submit(() -> {
            try {
                return convert(markdown, withToc, file, firstLine, summary);
            } catch (StackOverflowError e) {
                throw new LateralException(Limits.tooDeep(markdown, file, firstLine));
            }
        });
        try {
            return job.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new LateralException(Problem.error(file, firstLine, 1, "this post took longer than "
                    + timeout().toSeconds() + " seconds to convert, so the build stopped",
                    "look for something repeated thousands of times (such as < or [ without their closing"
                            + " > or ]), or split the post into smaller ones"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LateralException le) {
                throw new LateralException(le.problems());
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("converting " + file + " failed", e.getCause());
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting " + file, e);
        }
    }

    /**
     * Renders a body (on the calling thread, without a deadline: for trusted text such as a test's;
     * nesting and tables are still limited).
     *
     * @param markdown the body after the front matter
     * @param withToc  also build a table of contents from the headings
     */
    public Rendered render(String markdown, boolean withToc) {
        return convert(markdown, withToc, Path.of("post.md"), 1, Optional.empty());
    }

    /** As {@link #render(String, boolean)}, with the front matter's {@code summary:} if any. */
    public Rendered render(String markdown, boolean withToc, Optional<String> summary) {
        return convert(markdown, withToc, Path.of("post.md"), 1, summary);
    }

    private Rendered convert(String markdown, boolean withToc, Path file, int firstLine, Optional<String> summary) {
        Parser p = FileLink.mayHave(markdown) || Pictures.mayHave(markdown) || Embeds.mayHaveBlock(markdown)
                ? parserWithLines : mayHaveBareLinks(markdown) ? parser : parserWithoutAutolinks;
        Node doc = p.parse(markdown);
        if (Limits.depth(doc) > Limits.MAX_DEPTH) {
            throw new LateralException(Limits.tooDeep(markdown, file, firstLine));
        }
        Optional<String[]> video = Embeds.problem(doc);
        if (video.isPresent()) {
            int line = Integer.parseInt(video.get()[0]);
            throw new LateralException(Problem.error(file, firstLine + Math.max(0, line - 1), 1, video.get()[1],
                    video.get()[2]));
        }
        List<FileLink> fileLinks = p == parserWithLines ? FileLink.find(doc) : List.of();
        List<Picture> pictures = p == parserWithLines ? Pictures.in(doc) : List.of();
        String html = renderer.render(doc);
        if (html.contains(TOC_MARKER)) {
            String toc = toc(html);
            html = html.replace(TOC_MARKER, toc.isEmpty() ? "" : "<nav class=\"toc\" aria-label=\"Contents\">" + toc + "</nav>");
        }
        // the summary is cut from the parsed body (after the body was rendered), so reference
        // links and footnotes defined further down still resolve
        List<Node> head;
        boolean truncated;
        if (summary.isPresent() && !summary.get().isBlank()) {
            Node own = parserWithoutAutolinks.parse(summary.get().strip());
            head = children(own);
            truncated = !markdown.isBlank();
        } else {
            Optional<List<Node>> beforeMore = beforeMore(doc);
            if (beforeMore.isPresent()) {
                head = beforeMore.get();
                truncated = !markdown.substring(markdown.indexOf(MORE) + MORE.length()).isBlank();
            } else {
                Paragraph first = firstParagraph(doc);
                head = first == null ? List.of() : List.of(first);
                truncated = first == null ? !markdown.isBlank() : first.getNext() != null;
            }
        }
        StringBuilder summaryHtml = new StringBuilder();
        StringBuilder summaryText = new StringBuilder();
        for (Node n : head) {
            removeFootnoteReferences(n);
            summaryHtml.append(summaryRenderer.render(n));
            String t = plain(n);
            if (!t.isEmpty()) {
                summaryText.append(summaryText.length() == 0 ? "" : " ").append(t);
            }
        }
        return new Rendered(html, summaryHtml.toString().strip(), summaryText.toString(), truncated,
                withToc ? toc(html) : "", countWords(markdown), fileLinks, pictures);
    }

    private static List<Node> children(Node parent) {
        List<Node> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            out.add(n);
        }
        return out;
    }

    /**
     * The top-level blocks before {@code <!--more-->}; when the marker is inside a paragraph, that
     * paragraph up to the marker too. Empty when the body has no marker.
     */
    private static Optional<List<Node>> beforeMore(Node doc) {
        Node marker = findMore(doc);
        if (marker == null) {
            return Optional.empty();
        }
        Node top = marker;
        while (top.getParent() != doc) {
            top = top.getParent();
        }
        List<Node> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != top; n = n.getNext()) {
            out.add(n);
        }
        if (marker != top) { // inline: keep what comes before it in its block
            for (Node n = marker; n != top; n = n.getParent()) {
                Node next = n.getNext();
                while (next != null) {
                    Node after = next.getNext();
                    next.unlink();
                    next = after;
                }
            }
            marker.unlink();
            out.add(top);
        }
        return Optional.of(out);
    }

    private static Node findMore(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if ((n instanceof HtmlBlock b && b.getLiteral().contains(MORE))
                    || (n instanceof HtmlInline i && i.getLiteral().contains(MORE))) {
                return n;
            }
            Node inside = findMore(n);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    /** A summary shown on a list page has no footnotes: their markers would point nowhere. */
    private static void removeFootnoteReferences(Node node) {
        List<Node> refs = new ArrayList<>();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode n) {
                if (n instanceof FootnoteReference || n instanceof InlineFootnote) {
                    refs.add(n);
                } else {
                    visitChildren(n);
                }
            }
        });
        refs.forEach(Node::unlink);
    }

    /**
     * Whether a body may hold a web address or e-mail address written bare (GFM autolinks them);
     * addresses inside Markdown links {@code [text](https://…)}, {@code <https://…>}, link
     * reference definitions and HTML attributes are not bare. A cheap over-estimate: when in
     * doubt, the autolinking parser is used.
     */
    static boolean mayHaveBareLinks(String markdown) {
        if (markdown.indexOf('@') >= 0) {
            return true;
        }
        for (int i = markdown.indexOf("www."); i >= 0; i = markdown.indexOf("www.", i + 4)) {
            if (!insideLinkTarget(markdown, i)) {
                return true;
            }
        }
        for (int i = markdown.indexOf("://"); i >= 0; i = markdown.indexOf("://", i + 3)) {
            int start = i;
            while (start > 0 && Character.isLetter(markdown.charAt(start - 1))) {
                start--;
            }
            if (!insideLinkTarget(markdown, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideLinkTarget(String s, int start) {
        if (start >= 2 && s.charAt(start - 1) == '(' && s.charAt(start - 2) == ']') {
            return true;
        }
        if (start >= 1 && (s.charAt(start - 1) == '<' || s.charAt(start - 1) == '"')) {
            return true;
        }
        int lineStart = s.lastIndexOf('\n', start - 1) + 1;
        return REFERENCE_DEFINITION.matcher(s.substring(lineStart, start)).matches(); // [ref]: https://…
    }

    private static Paragraph firstParagraph(Node doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                return p;
            }
        }
        return null;
    }

    private static String plain(Node node) {
        return PlainText.of(node);
    }

    static int countWords(String markdown) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && (c == '\'' || c == '\u2019' || c == '-'));
        }
        return words;
    }

    /**
     * A nested list of h2/h3 headings, built from the rendered HTML so ids match exactly. One pass
     * over the HTML (no regular expression: one that looked for the closing tag after each of many
     * unclosed {@code <h2 id="…">} in a post's raw HTML took minutes).
     */
    static String toc(String html) {
        StringBuilder out = new StringBuilder();
        int open = 0; // lists open: 1 = top level, 2 = an h3 list inside an h2 item
        NextIndex quote = new NextIndex(html, "\"");
        NextIndex gt = new NextIndex(html, ">");
        NextIndex close2 = new NextIndex(html, "</h2>");
        NextIndex close3 = new NextIndex(html, "</h3>");
        int i = 0;
        while ((i = html.indexOf("<h", i)) >= 0) {
            char level = i + 2 < html.length() ? html.charAt(i + 2) : ' ';
            if ((level != '2' && level != '3') || !html.startsWith(" id=\"", i + 3)) {
                i += 2;
                continue;
            }
            int idStart = i + 8;
            int idEnd = quote.from(idStart);
            if (idEnd <= idStart) {
                i += 2;
                continue;
            }
            int tagEnd = gt.from(idEnd + 1);
            int close = tagEnd < 0 ? -1 : (level == '2' ? close2 : close3).from(tagEnd + 1);
            if (close < 0) {
                i += 2;
                continue;
            }
            boolean sub = level == '3';
            String title = withoutTags(html.substring(tagEnd + 1, close)).strip();
            if (open == 0) {
                out.append("<ol>");
                open = 1;
            } else if (sub && open == 1) {
                out.append("<ol>");
                open = 2;
            } else if (!sub && open == 2) {
                out.append("</li></ol></li>");
                open = 1;
            } else {
                out.append("</li>");
            }
            out.append("<li><a href=\"#").append(html, idStart, idEnd).append("\">").append(title).append("</a>");
            i = close + 5;
        }
        if (open == 0) {
            return "";
        }
        out.append(open == 2 ? "</li></ol></li></ol>" : "</li></ol>");
        return out.toString();
    }

    /** The text with every {@code <…>} removed, in one pass; a {@code <} never closed stays. */
    static String withoutTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        NextIndex gt = new NextIndex(html, ">");
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int end = c == '<' && i + 1 < html.length() && html.charAt(i + 1) != '>' ? gt.from(i + 1) : -1;
            if (end >= 0) {
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
