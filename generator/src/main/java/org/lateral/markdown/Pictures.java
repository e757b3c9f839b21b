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

    private static final Pattern IMG = Pattern.compile("<img\\s[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\salt\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Pictures() {
    }

    /** Whether a body may have a picture (a cheap over-estimate: most bodies have none). */
    static boolean mayHave(String markdown) {
        return markdown.contains("![") || markdown.contains("<img") || markdown.contains("<IMG");
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

    /** {@code <img>} tags in raw HTML that starts at {@code firstLine}, each at its line. */
    private static void raw(String literal, int firstLine, List<Picture> out) {
        Matcher img = IMG.matcher(literal);
        while (img.find()) {
            Matcher src = SRC.matcher(img.group());
            if (!src.find()) {
                continue;
            }
            Matcher alt = ALT.matcher(img.group());
            int line = firstLine;
            for (int i = 0; i < img.start(); i++) {
                if (literal.charAt(i) == '\n') {
                    line++;
                }
            }
            out.add(new Picture(src.group(1), alt.find() ? alt.group(1).strip() : "", line));
        }
    }

    /** The node's first line in the body, from 1 (0 when the parser kept no span). */
    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
