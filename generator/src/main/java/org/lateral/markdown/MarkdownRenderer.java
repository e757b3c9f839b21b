package org.lateral.markdown;

import java.util.List;
import java.util.regex.Matcher;
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
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

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

    private static final Pattern HEADING = Pattern.compile("<h([23]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>",
            Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(" {0,3}\\[[^\\]]+\\]:[ \t]*<?");
    private static final String TOC_MARKER = "<p>[TOC]</p>";

    private final Parser parser;
    /** The same parser without GFM's bare-address autolinks, for the many bodies that have none. */
    private final Parser parserWithoutAutolinks;
    /** The two parsers keeping source spans, for bodies with pictures (their warnings name a line). */
    private final Parser parserWithSpans;
    private final Parser parserWithSpansWithoutAutolinks;
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
        this.parserWithSpans = Parser.builder().extensions(withAutolinks).postProcessor(new WwwLinks())
                .postProcessor(new Typographer()).includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        this.parserWithSpansWithoutAutolinks = Parser.builder().extensions(common).postProcessor(new Typographer())
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        this.renderer = HtmlRenderer.builder().extensions(withAutolinks)
                .nodeRendererFactory(HeadingLinks::new)
                .attributeProviderFactory(context -> new TaskListAttributes())
                .build();
        this.text = TextContentRenderer.builder().build();
    }

    /**
     * Renders a body.
     *
     * @param markdown the body after the front matter
     * @param withToc  also build a table of contents from the headings
     */
    public Rendered render(String markdown, boolean withToc) {
        boolean pictures = Pictures.mayHave(markdown);
        Parser p = mayHaveBareLinks(markdown)
                ? pictures ? parserWithSpans : parser
                : pictures ? parserWithSpansWithoutAutolinks : parserWithoutAutolinks;
        Node doc = p.parse(markdown);
        List<Picture> found = pictures ? Pictures.in(doc) : List.of();
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
                countWords(markdown), found);
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

    /** A nested list of h2/h3 headings, built from the rendered HTML so ids match exactly. */
    static String toc(String html) {
        Matcher m = HEADING.matcher(html);
        StringBuilder out = new StringBuilder();
        int open = 0; // lists open: 1 = top level, 2 = an h3 list inside an h2 item
        while (m.find()) {
            boolean sub = m.group(1).equals("3");
            String title = TAG.matcher(m.group(3)).replaceAll("").strip();
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
            out.append("<li><a href=\"#").append(m.group(2)).append("\">").append(title).append("</a>");
        }
        if (open == 0) {
            return "";
        }
        out.append(open == 2 ? "</li></ol></li></ol>" : "</li></ol>");
        return out.toString();
    }
}
