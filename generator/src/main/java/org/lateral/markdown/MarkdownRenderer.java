package org.lateral.markdown;

import java.nio.file.Path;
import java.time.Duration;
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
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
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
    private final HtmlRenderer renderer;
    private final TextContentRenderer text;

    public MarkdownRenderer() {
        List<Extension> common = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListItemsExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.create());
        List<Extension> withAutolinks = new java.util.ArrayList<>(common);
        withAutolinks.add(AutolinkExtension.create());
        this.parser = Parser.builder().extensions(withAutolinks).postProcessor(new WwwLinks())
                .postProcessor(new Typographer()).build();
        this.parserWithoutAutolinks = Parser.builder().extensions(common).postProcessor(new Typographer()).build();
        this.renderer = HtmlRenderer.builder().extensions(withAutolinks)
                .nodeRendererFactory(HeadingLinks::new)
                .attributeProviderFactory(context -> new TaskListAttributes())
                .build();
        this.text = TextContentRenderer.builder().build();
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
        Optional<Problem> table = Limits.tables(markdown, file, firstLine);
        if (table.isPresent()) {
            throw new LateralException(table.get());
        }
        Future<Rendered> job = WORKERS.submit(() -> {
            try {
                return convert(markdown, withToc, file, firstLine);
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
        return convert(markdown, withToc, Path.of("post.md"), 1);
    }

    private Rendered convert(String markdown, boolean withToc, Path file, int firstLine) {
        Parser p = mayHaveBareLinks(markdown) ? parser : parserWithoutAutolinks;
        Node doc = p.parse(markdown);
        if (Limits.depth(doc) > Limits.MAX_DEPTH) {
            throw new LateralException(Limits.tooDeep(markdown, file, firstLine));
        }
        String html = renderer.render(doc);
        if (html.contains(TOC_MARKER)) {
            String toc = toc(html);
            html = html.replace(TOC_MARKER, toc.isEmpty() ? "" : "<nav class=\"toc\" aria-label=\"Contents\">" + toc + "</nav>");
        }
        String summaryHtml;
        String summaryText;
        boolean truncated;
        int more = markdown.indexOf(MORE);
        if (more >= 0) {
            Node head = p.parse(markdown.substring(0, more));
            summaryHtml = renderer.render(head);
            summaryText = plain(head);
            truncated = !markdown.substring(more + MORE.length()).isBlank();
        } else {
            Paragraph first = firstParagraph(doc);
            if (first == null) {
                summaryHtml = "";
                summaryText = "";
                truncated = !markdown.isBlank();
            } else {
                summaryHtml = renderer.render(first);
                summaryText = plain(first);
                truncated = first.getNext() != null;
            }
        }
        return new Rendered(html, summaryHtml.strip(), summaryText, truncated, withToc ? toc(html) : "",
                countWords(markdown));
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

    private String plain(Node node) {
        String raw = text.render(node);
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
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
