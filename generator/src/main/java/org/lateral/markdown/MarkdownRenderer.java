package org.lateral.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to HTML with Flexmark: GFM tables, task lists, strikethrough, autolinks, footnotes,
 * heading ids with anchors, {@code [TOC]}, typographic quotes.
 *
 * <p>Build one per site build and share it: the parser and renderer are immutable and
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

    /** Extensions a body may not need, each with the cheap test that says it might. */
    private enum Need {
        AUTOLINK, TABLES, STRIKETHROUGH, TASKS, FOOTNOTES, TOC;

        boolean mayBeNeeded(String md) {
            switch (this) {
                case AUTOLINK: return mayHaveBareLinks(md);
                case TABLES: return md.indexOf('|') >= 0;
                case STRIKETHROUGH: return md.contains("~~");
                case TASKS: return md.contains("[ ]") || md.contains("[x]") || md.contains("[X]");
                case FOOTNOTES: return md.contains("[^");
                default: return md.contains("[TOC]") || md.contains("[toc]");
            }
        }

        com.vladsch.flexmark.util.misc.Extension extension() {
            switch (this) {
                case AUTOLINK: return AutolinkExtension.create();
                case TABLES: return TablesExtension.create();
                case STRIKETHROUGH: return StrikethroughExtension.create();
                case TASKS: return TaskListExtension.create();
                case FOOTNOTES: return FootnoteExtension.create();
                default: return TocExtension.create();
            }
        }
    }

    private static final Need[] NEEDS = Need.values();

    private final MutableDataSet options;
    /**
     * Parsers with just the extensions a body can use, built on first need (at most 64): most
     * posts have no footnotes, task lists or bare links, and every extension adds work to every
     * line parsed. The renderer knows every extension, so it renders whatever any parser made.
     */
    private final java.util.concurrent.ConcurrentHashMap<Integer, Parser> parsers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        options = new MutableDataSet();
        List<com.vladsch.flexmark.util.misc.Extension> all = new java.util.ArrayList<>();
        for (Need o : NEEDS) {
            all.add(o.extension());
        }
        all.add(AnchorLinkExtension.create());
        all.add(TypographicExtension.create());
        options.set(Parser.EXTENSIONS, all);
        // GitHub-flavoured tables
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // ids on headings, and the heading's text itself is the link to it (a link with a name,
        // which screen readers announce properly, unlike an empty "#" icon link)
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor");
        options.set(TocExtension.LEVELS, TocExtension.LEVELS.get(null));
        options.set(TocExtension.TITLE, "Contents");
        options.set(TaskListExtension.ITEM_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked disabled aria-label=\"done\">");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled aria-label=\"not done\">");
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.renderer = HtmlRenderer.builder(options).build();
        parserFor(0);
    }

    private Parser parserFor(int mask) {
        return parsers.computeIfAbsent(mask, m -> {
            List<com.vladsch.flexmark.util.misc.Extension> extensions = new java.util.ArrayList<>();
            for (Need o : NEEDS) {
                if ((m & (1 << o.ordinal())) != 0) {
                    extensions.add(o.extension());
                }
            }
            extensions.add(AnchorLinkExtension.create());
            extensions.add(TypographicExtension.create());
            return Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, extensions)).build();
        });
    }

    /** The parser with every extension this body might use. */
    private Parser parserFor(String markdown) {
        int mask = 0;
        for (Need o : NEEDS) {
            if (o.mayBeNeeded(markdown)) {
                mask |= 1 << o.ordinal();
            }
        }
        return parserFor(mask);
    }

    /**
     * Renders a body.
     *
     * @param markdown the body after the front matter
     * @param withToc  also build a table of contents from the headings
     */
    public Rendered render(String markdown, boolean withToc) {
        Parser parser = parserFor(markdown);
        Document doc = parser.parse(markdown);
        String html = renderer.render(doc);
        String summaryHtml;
        String summaryText;
        boolean truncated;
        int more = markdown.indexOf(MORE);
        if (more >= 0) {
            Document head = parser.parse(markdown.substring(0, more));
            summaryHtml = renderer.render(head);
            summaryText = text(head);
            truncated = !markdown.substring(more + MORE.length()).isBlank();
        } else {
            Paragraph first = firstParagraph(doc);
            if (first == null) {
                summaryHtml = "";
                summaryText = "";
                truncated = !markdown.isBlank();
            } else {
                summaryHtml = renderer.render(first);
                summaryText = text(first);
                truncated = first.getNext() != null || first.getParent() != doc;
            }
        }
        return new Rendered(html, summaryHtml.strip(), summaryText, truncated, withToc ? toc(html) : "",
                countWords(markdown));
    }

    /**
     * Whether a body may hold a web address or e-mail address written bare (GFM autolinks them);
     * addresses inside Markdown links {@code [text](https://…)}, {@code <https://…>} and HTML
     * attributes are not bare. A cheap over-estimate: when in doubt, the autolinking parser is used.
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

    private static Paragraph firstParagraph(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                return p;
            }
        }
        return null;
    }

    private static String text(Node node) {
        String raw = new TextCollectingVisitor().collectAndGetText(node);
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
            String text = TAG.matcher(m.group(3)).replaceAll("").strip();
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
            out.append("<li><a href=\"#").append(m.group(2)).append("\">").append(text).append("</a>");
        }
        if (open == 0) {
            return "";
        }
        out.append(open == 2 ? "</li></ol></li></ol>" : "</li></ol>");
        return out.toString();
    }
}
