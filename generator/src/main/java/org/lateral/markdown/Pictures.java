package org.lateral.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/** Finds the pictures of a parsed body (parsed with source spans), each at its own line. */
final class Pictures {

    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\salt\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** Raw HTML's ways of saying "only decoration": screen readers skip the picture. */
    private static final Pattern DECORATIVE = Pattern.compile(
            "\\s(?:role\\s*=\\s*\"(?:presentation|none)\"|aria-hidden\\s*=\\s*\"true\")", Pattern.CASE_INSENSITIVE);

    private Pictures() {
    }

    /** Whether a body may have a picture (a cheap over-estimate: most bodies have none). */
    static boolean mayHave(String markdown) {
        return markdown.contains("![") || markdown.contains("<img");
    }

    static List<Picture> in(Node doc) {
        List<Picture> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                text(image, alt);
                out.add(new Picture(image.getDestination(), alt.toString().strip(), line(image)));
            }

            @Override
            public void visit(HtmlInline html) {
                raw(html.getLiteral(), line(html), out);
            }

            @Override
            public void visit(HtmlBlock html) {
                raw(html.getLiteral(), line(html), out);
            }
        });
        return out;
    }

    private static void text(Node node, StringBuilder out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            } else {
                text(n, out);
            }
        }
    }

    /**
     * {@code <img>} tags in raw HTML that starts at {@code firstLine}, each at its line, in one pass
     * (a regular expression looking for the closing {@code >} again after each of thousands of
     * unclosed {@code <img } would take minutes).
     */
    private static void raw(String literal, int firstLine, List<Picture> out) {
        int line = firstLine;
        int counted = 0;
        for (int i = indexOfImg(literal, 0); i >= 0; i = indexOfImg(literal, i + 4)) {
            if (i + 4 >= literal.length() || !Character.isWhitespace(literal.charAt(i + 4))) {
                continue;
            }
            int end = literal.indexOf('>', i);
            if (end < 0) {
                break;
            }
            for (; counted < i; counted++) {
                if (literal.charAt(counted) == '\n') {
                    line++;
                }
            }
            String tag = literal.substring(i, end + 1);
            Matcher src = SRC.matcher(tag);
            if (src.find()) {
                Matcher alt = ALT.matcher(tag);
                boolean hasAlt = alt.find();
                String description = hasAlt ? alt.group(1).strip() : "";
                boolean decorative = hasAlt && description.isEmpty() || DECORATIVE.matcher(tag).find();
                out.add(new Picture(src.group(1), description, line, decorative));
            }
            i = end + 1 - 4;
        }
    }

    private static int indexOfImg(String s, int from) {
        return s.indexOf("<img", from);
    }

    /** The node's first line in the body, from 1 (0 when the parser kept no span). */
    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
