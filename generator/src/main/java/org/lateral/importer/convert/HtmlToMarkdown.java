package org.lateral.importer.convert;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.html2md.converter.HtmlNodeRenderer;
import com.vladsch.flexmark.html2md.converter.HtmlNodeRendererHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Clean HTML to Markdown with flexmark-html2md-converter 0.64.8 (the only class that uses it): ATX
 * headings, fenced code, GFM tables, {@code -} bullets. Its own picture renderer turns a picture whose
 * file name looks like an emoji name ({@code smile.png}) into {@code :smile:} (flexmark-java #46,
 * #548), so pictures are rendered here, always as {@code ![alt](src "title")}.
 *
 * <p>Thread-safe: one instance can convert many bodies at once.
 */
public final class HtmlToMarkdown {

    private final FlexmarkHtmlConverter converter;

    public HtmlToMarkdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false);
        options.set(FlexmarkHtmlConverter.RENDER_COMMENTS, false);
        options.set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-');
        options.set(FlexmarkHtmlConverter.LISTS_END_ON_DOUBLE_BLANK, false);
        options.set(FlexmarkHtmlConverter.NBSP_TEXT, " ");
        options.set(FlexmarkHtmlConverter.THEMATIC_BREAK, "---");
        options.set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true);
        options.set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false);
        options.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false);
        options.set(FlexmarkHtmlConverter.EXTRACT_AUTO_LINKS, true);
        options.set(FlexmarkHtmlConverter.WRAP_AUTO_LINKS, false);
        this.converter = FlexmarkHtmlConverter.builder(options)
                .htmlNodeRendererFactory(data -> new Pictures())
                .build();
    }

    /** Markdown for an HTML fragment. */
    public String convert(String html) {
        return converter.convert(html).strip() + "\n";
    }

    /** Pictures as plain Markdown images, never emoji shortcuts. */
    private static final class Pictures implements HtmlNodeRenderer {
        @Override
        public Set<HtmlNodeRendererHandler<?>> getHtmlNodeRendererHandlers() {
            return Set.of(new HtmlNodeRendererHandler<>("img", Element.class, (node, context, out) -> {
                String src = node.attr("src").replace(" ", "%20").replace("(", "%28").replace(")", "%29");
                String alt = node.attr("alt").replaceAll("\\s+", " ").strip().replace("\\", "\\\\")
                        .replace("[", "\\[").replace("]", "\\]");
                String title = node.attr("title").replaceAll("\\s+", " ").strip().replace("\"", "\\\"");
                out.append("![").append(alt).append("](").append(src);
                if (!title.isEmpty()) {
                    out.append(" \"").append(title).append("\"");
                }
                out.append(")");
            }));
        }
    }
}
