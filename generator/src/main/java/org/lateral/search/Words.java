package org.lateral.search;

import org.lateral.internal.CodePoints;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into the words a search matches on, exactly as the theme's {@code search.js} turns a
 * query into words: accents dropped ({@code ŵ} → {@code w}), lower case by {@link Locale#ROOT}
 * (so a Turkish default locale changes nothing), split at anything but a letter or digit.
 */
final class Words {

    /** What separates words; {@link #of} splits by hand exactly as this would (tests compare them). */
    static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Combining marks; {@link #withoutMarks} removes them by hand. */
    static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

    /** Words too common to help find a post (English and Welsh). */
    static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "did", "do", "does", "for",
            "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me",
            "my", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "was", "we", "were",
            "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "also",
            "about", "all", "any", "more", "most", "some", "such", "only", "own", "same", "very", "just",
            "yn", "y", "yr", "ac", "ar", "o", "ei", "eu", "mae", "oedd", "fy", "ein", "eich", "hi",
            "ef", "fe", "ni", "chi", "nhw", "gan", "am", "wedi", "bod", "ddim", "hefyd", "ond", "neu");

    private Words() {
    }

    /** {@code "Dysgu Cymraeg: Ŵyl"} → {@code "dysgu cymraeg: wyl"}. */
    static String fold(String text) {
        if (ascii(text)) { // nothing to decompose and no marks: only the case to fold
            return text.toLowerCase(Locale.ROOT);
        }
        String s = withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFKD));
        return withoutMarks(s.toLowerCase(Locale.ROOT));
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code MARKS.matcher(s).replaceAll("")} without a regular expression (this runs over every post's text). */
    static String withoutMarks(String s) {
        return CodePoints.keep(s, cp -> !isMark(cp));
    }

    /** {@code \p{M}}: a non-spacing, enclosing or spacing combining mark. */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** {@code [\p{L}\p{N}]}: a letter or a number. */
    private static boolean isWord(int cp) {
        int type = Character.getType(cp);
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                || type == Character.TITLECASE_LETTER || type == Character.MODIFIER_LETTER
                || type == Character.OTHER_LETTER || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The folded words of a text, in order, repeats included. */
    static List<String> of(String text) {
        String folded = fold(text);
        List<String> out = new ArrayList<>();
        int start = -1; // the runs of letters and digits that NOT_WORD.split would give
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            if (isWord(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(folded.substring(start));
        }
        return out;
    }

    /** Whether a word is worth indexing: not a stop word, and not one letter or digit. */
    static boolean useful(String word) {
        return word.length() > 1 && !STOP.contains(word);
    }

    /**
     * The text of an HTML fragment: tags and scripts dropped, character references decoded. One
     * pass, remembering where the next {@code >} and closing tag are (regular expressions that
     * looked for them again after each of many unclosed {@code <script } took minutes).
     */
    static String plainText(String html) {
        char[] chars = html.toCharArray(); // lower-cased ASCII only, so indices stay those of html
        for (int k = 0; k < chars.length; k++) {
            if (chars[k] >= 'A' && chars[k] <= 'Z') {
                chars[k] += 'a' - 'A';
            }
        }
        String lower = new String(chars);
        java.util.Map<String, Next> closes = new java.util.HashMap<>();
        Next gt = new Next(html, ">");
        StringBuilder s = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                s.append(c);
                i++;
                continue;
            }
            String unseen = unseenAt(lower, i + 1);
            if (unseen != null) {
                int end = closes.computeIfAbsent(unseen, u -> new Next(lower, "</" + u)).closingTag(i + 1 + unseen.length());
                if (end >= 0) {
                    s.append(' ');
                    i = end;
                    continue;
                }
            }
            int end = gt.at(i + 1);
            if (end < 0) {
                s.append(c);
                i++;
            } else {
                s.append(' ');
                i = end + 1;
            }
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "script", "style" or "template" when one starts at {@code i} as a whole tag name. */
    private static String unseenAt(String lower, int i) {
        for (String name : List.of("script", "style", "template")) {
            int end = i + name.length();
            if (lower.startsWith(name, i) && (end >= lower.length() || !isWordChar(lower.charAt(end)))) {
                return name;
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** indexOf for a scan whose start only grows, remembering its last answer (linear overall). */
    private static final class Next {
        private final String text;
        private final String needle;
        private int from = -1;
        private int found;
        private int closeFrom = -1;
        private int closeEnd;

        Next(String text, String needle) {
            this.text = text;
            this.needle = needle;
        }

        int at(int position) {
            if (from >= 0 && position >= from && (found < 0 || position <= found)) {
                return found;
            }
            from = position;
            found = text.indexOf(needle, position);
            return found;
        }

        /** The index just after the first {@code </name\s*>} at or after {@code position}, or -1. */
        int closingTag(int position) {
            if (closeFrom >= 0 && position >= closeFrom && (closeEnd < 0 || position < closeEnd)) {
                return closeEnd;
            }
            closeFrom = position;
            int p = position;
            while ((p = at(p)) >= 0) {
                int j = p + needle.length();
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '>') {
                    closeEnd = j + 1;
                    return closeEnd;
                }
                p = p + 1;
            }
            closeEnd = -1;
            return -1;
        }
    }

    private static String decode(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return " ";
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> " ";
        };
    }

    /** The first {@code max} characters of a text, cut at a word, with an ellipsis when cut. */
    static String snippet(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max);
        return s.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
