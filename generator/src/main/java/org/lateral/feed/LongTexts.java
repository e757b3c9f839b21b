package org.lateral.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * The long texts of one feed (each entry's content and summary) kept out of Rome's model and
 * JDOM's writer, and escaped here instead, as JDOM's pretty {@code XMLOutputter} escapes the text of
 * an element that holds only text ({@code &lt;}, {@code &gt;}, {@code &amp;}, a carriage return as
 * {@code &#xD;}, a line feed as the format's line separator, CR LF). Rome gets a short placeholder for each, which JDOM writes
 * unchanged; {@link #fill} puts the escaped texts in their places. JDOM's pretty format walks
 * every character of a text to trim it and again to escape it, which was most of the cost of
 * writing an entry; the text held is the one JDOM would escape, trimmed of white space at both ends
 * as JDOM trims it, so every byte stays what JDOM wrote ({@code LongTextsTest} compares them). One
 * per feed written; not thread-safe.
 */
final class LongTexts {

    /** Starts each placeholder: random, so no post's text can hold it. */
    private static final String MARK = "lateral-text-" + java.util.UUID.randomUUID().toString().replace("-", "") + "-";

    /** Shorter texts are left to JDOM: a placeholder would save nothing. */
    private static final int LONG = 64;

    private final List<String> texts = new ArrayList<>();
    private final boolean holds;

    LongTexts() {
        this(true);
    }

    private LongTexts(boolean holds) {
        this.holds = holds;
    }

    /** Holds nothing: every text is left to JDOM (tests compare the bytes with it). */
    static LongTexts none() {
        return new LongTexts(false);
    }

    /** The text, or a placeholder for it that {@link #fill} replaces with the text escaped. */
    String hold(String text) {
        if (!holds) {
            return text;
        }
        // JDOM's pretty format trims the text of an element that holds only text before escaping it; a
        // post's HTML ends in a line feed (the Markdown renderer ends each block with one), so the held
        // text is the trimmed one and JDOM writes the placeholder where it would write that
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        if (to - from < LONG || !plain(text, from, to)) {
            return text;
        }
        texts.add(text.substring(from, to));
        return MARK + (texts.size() - 1) + ".";
    }

    /** The written feed with each placeholder replaced by its text, escaped. */
    String fill(String xml) {
        if (texts.isEmpty()) {
            return xml;
        }
        long size = xml.length();
        for (String t : texts) {
            size += t.length() + t.length() / 8;
        }
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, size));
        int at = 0;
        int found = 0;
        for (int i = xml.indexOf(MARK); i >= 0; i = xml.indexOf(MARK, at)) {
            int start = i + MARK.length();
            int dot = xml.indexOf('.', start);
            out.append(xml, at, i);
            escape(texts.get(Integer.parseInt(xml, start, dot, 10)), out);
            at = dot + 1;
            found++;
        }
        if (found != texts.size()) {
            throw new IllegalStateException("a feed's text was written " + found + " times for " + texts.size());
        }
        out.append(xml, at, xml.length());
        return out.toString();
    }

    /** XML's white space, which JDOM's pretty format trims from both ends of a text. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Whether every character is one JDOM writes as itself or as one of the escapes here: no
     * surrogate (JDOM writes a character beyond U+FFFF as a character reference) and nothing
     * XML 1.0 forbids (JDOM refuses it; {@link XmlChars#clean} has removed it from entries).
     */
    private static boolean plain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    static void escape(String text, StringBuilder out) {
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String with;
            switch (text.charAt(i)) {
                case '<' -> with = "&lt;";
                case '>' -> with = "&gt;";
                case '&' -> with = "&amp;";
                case '\r' -> with = "&#xD;";
                case '\n' -> with = "\r\n"; // the format's line separator
                default -> with = null;
            }
            if (with != null) {
                out.append(text, copied, i).append(with);
                copied = i + 1;
            }
        }
        out.append(text, copied, text.length());
    }
}
