package org.lateral.importer;

import java.io.IOException;
import java.io.Reader;
import org.jsoup.nodes.Entities;

/**
 * Reads an export with HTML's named entities ({@code &nbsp;}, {@code &eacute;}, {@code &rsquo;})
 * outside CDATA sections and comments turned into the numeric references XML understands
 * ({@code &#xa0;}), so an export written by a plugin or edited by hand does not fail on them. XML's
 * own five, numeric references, and names neither defines are passed on unchanged (the parser then
 * refuses an unknown one at its line). No DTD is read: which names exist is jsoup's HTML table.
 * Lines are kept, so problems keep their line numbers.
 */
final class HtmlEntities extends Reader {

    private static final int MAX_NAME = 32;
    private static final String CDATA_OPEN = "<![CDATA[";
    private static final String COMMENT_OPEN = "<!--";

    private final java.io.PushbackReader in;
    private final StringBuilder pending = new StringBuilder();
    private int pendingAt;
    /** What closes the section being read ({@code ]]>}, {@code -->}), or null outside one. */
    private String closing;
    private final StringBuilder recent = new StringBuilder();
    private boolean end;
    private boolean started;

    HtmlEntities(Reader in) {
        this.in = new java.io.PushbackReader(in, 1);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingAt >= pending.length()) {
            pending.setLength(0);
            pendingAt = 0;
            if (end) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, pending.length() - pendingAt);
        pending.getChars(pendingAt, pendingAt + n, buf, off);
        pendingAt += n;
        return n;
    }

    /** Reads at least one character (or the end) into {@link #pending}. */
    private void fill() throws IOException {
        int c = in.read();
        if (c < 0) {
            end = true;
            return;
        }
        char ch = (char) c;
        if (ch == '\uFEFF' && !started) { // a byte-order mark: the parser reading characters would refuse it
            started = true;
            return;
        }
        started = true;
        if (closing == null && ch == '&') {
            pending.append(entity());
            remember('&');
            return;
        }
        pending.append(ch);
        remember(ch);
        if (closing == null) {
            if (endsWith(CDATA_OPEN)) {
                closing = "]]>";
            } else if (endsWith(COMMENT_OPEN)) {
                closing = "-->";
            }
        } else if (endsWith(closing)) {
            closing = null;
            recent.setLength(0);
        }
    }

    /** After an {@code &}: the reference as written, or as a numeric one when HTML names it. */
    private String entity() throws IOException {
        StringBuilder name = new StringBuilder();
        while (name.length() <= MAX_NAME) {
            int c = in.read();
            if (c < 0) {
                end = true;
                return "&" + name;
            }
            char ch = (char) c;
            if (ch == ';') {
                String n = name.toString();
                if (n.isEmpty() || n.startsWith("#") || isXml(n) || !Entities.isNamedEntity(n)) {
                    return "&" + n + ";";
                }
                StringBuilder out = new StringBuilder();
                Entities.getByName(n).codePoints().forEach(cp -> out.append("&#x").append(Integer.toHexString(cp)).append(';'));
                return out.toString();
            }
            if (!(Character.isLetterOrDigit(ch) || ch == '#')) {
                in.unread(ch); // not a reference: the character is looked at again on its own
                return "&" + name;
            }
            name.append(ch);
        }
        return "&" + name;
    }

    private static boolean isXml(String n) {
        return n.equals("amp") || n.equals("lt") || n.equals("gt") || n.equals("quot") || n.equals("apos");
    }

    private void remember(char ch) {
        recent.append(ch);
        if (recent.length() > CDATA_OPEN.length()) {
            recent.deleteCharAt(0);
        }
    }

    private boolean endsWith(String s) {
        int n = recent.length();
        return n >= s.length() && recent.substring(n - s.length()).equals(s);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
