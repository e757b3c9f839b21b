package org.lateral.internal;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles and tag names, the same under every default locale. */
public final class Slugs {

    private Slugs() {
    }

    /**
     * {@code "TeachMeet North: what I took away"} → {@code "teachmeet-north-what-i-took-away"};
     * accents are dropped ({@code "Dysgu Cymraeg ŵ"} → {@code "dysgu-cymraeg-w"}), letters of other
     * scripts are kept, everything else becomes a single hyphen.
     */
    public static String slugify(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean hyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (cp == '\'' || cp == '\u2019') {
                continue; // "don't" → "dont", not "don-t"
            }
            if (Character.isLetterOrDigit(cp)) {
                String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
                // lower-casing may itself produce combining marks (İ → i̇)
                for (int j = 0; j < lower.length(); ) {
                    int c = lower.codePointAt(j);
                    j += Character.charCount(c);
                    if (Character.getType(c) != Character.NON_SPACING_MARK) {
                        out.appendCodePoint(c);
                    }
                }
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }
}
