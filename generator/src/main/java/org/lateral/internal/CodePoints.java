package org.lateral.internal;

import java.util.function.IntPredicate;

/** Filtering a text by code point, the text itself returned (not copied) when every one is kept. */
public final class CodePoints {

    private CodePoints() {
    }

    /** {@code s} with only the code points {@code keep} accepts; {@code s} itself when it accepts them all. */
    public static String keep(String s, IntPredicate keep) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!keep.test(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (keep.test(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
