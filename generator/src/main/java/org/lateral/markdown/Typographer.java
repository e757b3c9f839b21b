package org.lateral.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Typographic punctuation in prose, as a teacher's word processor would give them: curly quotes
 * and apostrophes ({@code "Don't"} → “Don’t”), {@code --} → en dash, {@code ---} → em dash,
 * {@code ...} → ellipsis. Code spans and code blocks are left alone (they are not text nodes).
 * Stateless and thread-safe.
 */
final class Typographer implements PostProcessor {

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // an address written out (an autolink) is shown exactly as written
                if (!(link.getFirstChild() instanceof Text t && t.getNext() == null
                        && link.getDestination().endsWith(t.getLiteral()))) {
                    visitChildren(link);
                }
            }

            @Override
            public void visit(Text text) {
                String literal = text.getLiteral();
                if (needsWork(literal)) {
                    text.setLiteral(typeset(literal, charBefore(text)));
                }
            }
        });
        return document;
    }

    private static boolean needsWork(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '-' || c == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * The character written just before a text node: a space at the start of a block or after a
     * line break, otherwise something word-like (the node follows emphasis, a link or code).
     */
    private static char charBefore(Node node) {
        for (Node n = node; n != null && !(n instanceof Block); n = n.getParent()) {
            Node prev = n.getPrevious();
            if (prev != null) {
                if (prev instanceof SoftLineBreak || prev instanceof HardLineBreak) {
                    return ' ';
                }
                if (prev instanceof Text t && !t.getLiteral().isEmpty()) {
                    return t.getLiteral().charAt(t.getLiteral().length() - 1);
                }
                return 'a';
            }
        }
        return ' ';
    }

    static String typeset(String s, char before) {
        StringBuilder out = new StringBuilder(s.length());
        char prev = before;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if (c == '-' && next == '-') {
                boolean em = i + 2 < s.length() && s.charAt(i + 2) == '-';
                out.append(em ? '\u2014' : '\u2013');
                i += em ? 2 : 1;
                prev = '-';
                continue;
            }
            if (c == '.' && next == '.' && i + 2 < s.length() && s.charAt(i + 2) == '.') {
                out.append('\u2026');
                i += 2;
                prev = '.';
                continue;
            }
            if (c == '\'') {
                out.append(opens(prev) ? '\u2018' : '\u2019');
            } else if (c == '"') {
                out.append(opens(prev) ? '\u201C' : '\u201D');
            } else {
                out.append(c);
            }
            prev = c;
        }
        return out.toString();
    }

    /** A quote opens after a space, an opening bracket or a dash, and at the start of a block. */
    private static boolean opens(char prev) {
        return Character.isWhitespace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '\u2014'
                || prev == '\u2013' || prev == '-' || prev == '\u201C' || prev == '\u2018';
    }
}
