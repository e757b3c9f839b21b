package org.lateral.markdown;

import java.util.Map;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * GFM column alignment ({@code | ---: |}) as {@code style="text-align: right"} rather than the
 * {@code align} attribute commonmark-java writes, which HTML5 made obsolete (the Nu HTML Checker
 * reports it as an error). An inline style, not a class, so the alignment survives in feeds and
 * in themes that have no CSS for it.
 */
final class TableAlignment implements AttributeProvider {

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof TableCell) {
            String align = attributes.remove("align");
            if (align != null) {
                attributes.put("style", "text-align: " + align);
            }
        }
    }
}
