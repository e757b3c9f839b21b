package org.lateral.markdown;

import java.util.EnumSet;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * GFM's extended autolinks for addresses starting with {@code www.} (commonmark-java's autolink
 * extension links {@code https://…} and e-mail addresses only): {@code www.example.org} becomes a
 * link to {@code http://www.example.org}. Text inside links is left alone. Thread-safe.
 */
final class WwwLinks implements PostProcessor {

    private static final LinkExtractor WWW = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.WWW)).build();

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // text inside an existing link is not linked again
            }

            @Override
            public void visit(Text text) {
                String literal = text.getLiteral();
                if (literal.contains("www.")) {
                    link(text, literal);
                }
            }
        });
        return document;
    }

    private static void link(Text text, String literal) {
        Node last = text;
        int copied = 0;
        for (LinkSpan span : WWW.extractLinks(literal)) {
            if (span.getBeginIndex() > copied) {
                last = insertAfter(last, new Text(literal.substring(copied, span.getBeginIndex())));
            }
            String address = literal.substring(span.getBeginIndex(), span.getEndIndex());
            Link link = new Link("http://" + address, null);
            link.appendChild(new Text(address));
            last = insertAfter(last, link);
            copied = span.getEndIndex();
        }
        if (copied == 0) {
            return;
        }
        if (copied < literal.length()) {
            insertAfter(last, new Text(literal.substring(copied)));
        }
        text.unlink();
    }

    private static Node insertAfter(Node after, Node node) {
        after.insertAfter(node);
        return node;
    }
}
