package org.lateral.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a body's links, pictures, raw HTML and headings with their positions ({@link Written}),
 * with the same extensions as the build (tables, footnotes, autolinks, {@code www.} links), so
 * that what the checker sees is what the build rendered. The parser is built once and shared:
 * thread-safe.
 *
 * <pre>{@code
 * Written w = WrittenLinks.of("See [the plan](/plan/).");
 * w.links().get(0).line(); // 1
 * }</pre>
 */
public final class WrittenLinks {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    TaskListItemsExtension.create(), FootnotesExtension.create(), AutolinkExtension.create()))
            .postProcessor(new WwwLinks())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private WrittenLinks() {
    }

    /** The links, pictures, raw HTML and headings of a Markdown body (one the build already converted). */
    public static Written of(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Written.Link> links = new ArrayList<>();
        List<Written.RawHtml> html = new ArrayList<>();
        List<Written.Heading> headings = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(new Written.Link(false, link.getDestination(), text(link).strip(), line(link), column(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(new Written.Link(true, image.getDestination(), text(image).strip(), line(image),
                        column(image)));
            }

            @Override
            public void visit(HtmlInline node) {
                html.add(new Written.RawHtml(node.getLiteral(), false, line(node), column(node)));
            }

            @Override
            public void visit(HtmlBlock node) {
                html.add(new Written.RawHtml(node.getLiteral(), true, line(node), column(node)));
            }

            @Override
            public void visit(Heading heading) {
                headings.add(new Written.Heading(heading.getLevel(), text(heading).strip(), line(heading),
                        column(heading)));
                visitChildren(heading);
            }
        });
        return new Written(links, html, headings);
    }

    /** The text a reader (or a screen reader) gets for a node: its text, code, and pictures' descriptions. */
    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        text(node, out);
        return out.toString();
    }

    private static void text(Node node, StringBuilder out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            } else if (n instanceof org.commonmark.node.SoftLineBreak || n instanceof org.commonmark.node.HardLineBreak) {
                out.append(' ');
            } else {
                text(n, out);
            }
        }
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static int column(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
    }
}
