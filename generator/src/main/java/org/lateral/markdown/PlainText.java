package org.lateral.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words of a Markdown tree, as a reader sees them, for meta descriptions, search snippets and
 * plain-text summaries: a link is its text (commonmark-java's text renderer writes
 * {@code "text" (https://…)}), a picture and raw HTML are left out, blocks are separated by a
 * space, and runs of white space become one space.
 */
final class PlainText extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();
    private boolean space;

    static String of(Node node) {
        PlainText t = new PlainText();
        node.accept(t);
        return t.out.toString();
    }

    private void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
    }

    @Override
    public void visit(Text text) {
        append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak b) {
        space = out.length() > 0;
    }

    @Override
    public void visit(HardLineBreak b) {
        space = out.length() > 0;
    }

    @Override
    public void visit(Image image) {
        // a picture's description is not part of the text around it
    }

    @Override
    public void visit(HtmlInline html) {
    }

    @Override
    public void visit(HtmlBlock html) {
        space = out.length() > 0;
    }

    @Override
    public void visit(FencedCodeBlock code) {
        space = out.length() > 0;
        append(code.getLiteral());
        space = out.length() > 0;
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        space = out.length() > 0;
        append(code.getLiteral());
        space = out.length() > 0;
    }

    @Override
    protected void visitChildren(Node parent) {
        if (parent instanceof Block) {
            space = out.length() > 0;
        }
        super.visitChildren(parent);
        if (parent instanceof Block) {
            space = out.length() > 0;
        }
    }
}
