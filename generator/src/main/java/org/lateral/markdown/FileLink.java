package org.lateral.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * A link in a body to another Markdown file of the site ({@code [the starters](2024-09-26-starters.md)},
 * {@code ../teachmeet/index.md#what-i-tried}), as written, with where it is.
 *
 * @param destination the link's target as written in the Markdown
 * @param line        line within the body, from 1
 * @param column      column of the link's {@code [}, from 1
 */
public record FileLink(String destination, int line, int column) {

    /** The link's file part: the destination without its {@code #fragment} or {@code ?query}. */
    public String file() {
        int cut = destination.length();
        for (char c : new char[] {'#', '?'}) {
            int i = destination.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return destination.substring(0, cut);
    }

    /** The {@code #fragment}, with its {@code #}, or empty. */
    public String fragment() {
        int i = destination.indexOf('#');
        return i < 0 ? "" : destination.substring(i);
    }

    /** Whether a link target names a Markdown file by a relative path (not a web address). */
    static boolean isMarkdownFile(String destination) {
        if (destination.isEmpty() || destination.startsWith("/") || destination.startsWith("#")
                || destination.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return false;
        }
        String file = new FileLink(destination, 1, 1).file().toLowerCase(Locale.ROOT);
        return file.endsWith(".md") || file.endsWith(".markdown");
    }

    /** A cheap over-estimate: whether a body may link to a Markdown file at all. */
    static boolean mayHave(String markdown) {
        return markdown.contains(".md") || markdown.contains(".markdown") || markdown.contains(".MD");
    }

    static List<FileLink> find(Node doc) {
        List<FileLink> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (isMarkdownFile(link.getDestination())) {
                    List<SourceSpan> spans = link.getSourceSpans();
                    int line = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
                    int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
                    out.add(new FileLink(link.getDestination(), line, column));
                }
                visitChildren(link);
            }
        });
        return out;
    }
}
