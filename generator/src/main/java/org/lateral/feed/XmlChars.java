package org.lateral.feed;

import org.lateral.internal.CodePoints;

/**
 * Removes characters XML 1.0 does not allow (control characters other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF), which a pasted title can carry and which
 * would make a whole feed unreadable.
 */
final class XmlChars {

    private XmlChars() {
    }

    static String clean(String s) {
        return CodePoints.keep(s, XmlChars::allowed);
    }

    static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
