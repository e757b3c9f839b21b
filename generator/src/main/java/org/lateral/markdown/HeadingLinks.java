package org.lateral.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a heading with its id (from the heading-anchor extension) and its text as a link to
 * itself: {@code <h2 id="what-i-tried"><a class="heading-anchor" href="#what-i-tried">What I
 * tried</a></h2>}. A link with words, which screen readers announce, unlike an empty "#" icon.
 * One instance per document rendered.
 */
final class HeadingLinks implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    HeadingLinks(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Heading.class);
    }

    @Override
    public void render(Node node) {
        Heading heading = (Heading) node;
        String tag = "h" + heading.getLevel();
        Map<String, String> attributes = context.extendAttributes(heading, tag, new LinkedHashMap<>());
        html.line();
        html.tag(tag, attributes);
        String id = attributes.get("id");
        if (id != null) {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("class", "heading-anchor");
            link.put("href", "#" + id);
            html.tag("a", link);
        }
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
        if (id != null) {
            html.tag("/a");
        }
        html.tag("/" + tag);
        html.line();
    }
}
