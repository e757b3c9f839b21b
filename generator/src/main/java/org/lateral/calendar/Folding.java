package org.lateral.calendar;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 §3.1 line folding: every line ends in CRLF, and a line longer than 75 octets is split
 * into lines of at most 75 octets, each continuation starting with one space; a UTF-8 character is
 * never split (ical4j counts characters, so a Welsh title with ŵ and ŷ would exceed 75 octets).
 */
final class Folding {

    static final int MAX_OCTETS = 75;

    private Folding() {
    }

    /** {@code text}'s lines (ending in CRLF or LF, unfolded) folded and ended in CRLF. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 64 * 3);
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int i = 0;
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
