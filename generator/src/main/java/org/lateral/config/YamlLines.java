package org.lateral.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.Problem;

/**
 * A look at YAML line by line before it is parsed, for the mistakes people make by hand that YAML
 * either reads wrongly without a word or reports far from their line:
 *
 * <ul>
 *   <li>a hashtag in a text value ({@code title: Reflections on #TMNorth}), which YAML reads as the
 *       start of a comment: it is kept as text (the value is quoted); a real comment after a text
 *       value is reported as a warning, as its words are left out;</li>
 *   <li>a key written twice: named, and the later one left out so the rest is still read;</li>
 *   <li>list items that do not line up (YAML silently joins {@code - oracy} and
 *       {@code  - action research} into one item), and a key indented under a line that has a value;</li>
 *   <li>a quote that is never closed or closed with a curly quote, and quotes inside quotes;</li>
 *   <li>a colour without quotes ({@code accent: #1d6b57}), which YAML reads as a comment: it is quoted,
 *       with a warning.</li>
 * </ul>
 *
 * <p>The text handed on has the same number of lines, and each value starts at the column it was
 * written at, so positions YAML reports later stay right. A line with an error is either put right
 * (re-indented) or blanked, so that the file's other mistakes are still found.
 */
public final class YamlLines {

    /** The text to parse, and what was found. */
    public record Checked(String yaml, List<Problem> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }
    }

    private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*:(?:[ \\t]+(.*))?");
    private static final Pattern BLOCK = Pattern.compile("[|>][-+0-9]*\\s*(#.*)?");
    private static final Pattern ANCHOR_ONLY = Pattern.compile("[&!]\\S+\\s*(#.*)?");
    private static final String CURLY = "\u201C\u201D\u2018\u2019";

    private enum Kind { BLANK, KEY_INLINE, KEY_OPEN, ITEM_SCALAR, ITEM_OPEN, OTHER }

    private static final class Line {
        String text;
        int indent;
        Kind kind = Kind.OTHER;
        String key;
        String value;
        int valueColumn;
        boolean skip;
        String owner;

        String content() {
            return text.substring(Math.min(indent, text.length()));
        }
    }

    private YamlLines() {
    }

    /**
     * Checks {@code yaml}.
     *
     * @param firstLine the line of the file the text starts on
     * @param textKeys  top-level keys whose values are text, where {@code #word} is a hashtag
     * @param listKeys  top-level keys whose list items are text too ({@code tags})
     */
    public static Checked check(String yaml, int firstLine, Path file, Set<String> textKeys, Set<String> listKeys) {
        String[] raw = yaml.split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (String r : raw) {
            lines.add(classify(r));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> topKeys = new HashMap<>();
        String owner = null;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.skip || l.kind == Kind.BLANK) {
                continue;
            }
            int lineNo = firstLine + i;
            String coloured = colours(l.text, lineNo, file, problems);
            if (coloured != null) {
                l = classify(coloured);
                lines.set(i, l);
            }
            if (l.indent == 0 && l.key != null) {
                owner = l.key;
            }
            l.owner = owner;
            boolean checkStructure = true;
            if (l.kind == Kind.KEY_OPEN && l.value != null && BLOCK.matcher(l.value).matches()) {
                skipMoreIndented(lines, i);
            } else if (l.value != null && (l.value.startsWith("\"") || l.value.startsWith("'"))) {
                checkStructure = quotes(lines, i, lineNo, file, problems);
            } else if (l.value != null && (l.value.startsWith("[") || l.value.startsWith("{"))) {
                unclosedFlow(lines, i, lineNo, file, problems);
                checkStructure = !skipOpenFlow(lines, i) && l.kind != Kind.ITEM_OPEN;
                if (checkStructure && l.indent == 0 && l.key != null && listKeys.contains(l.key)) {
                    flowHashtags(l);
                }
            } else if (l.indent == 0 && l.kind == Kind.KEY_INLINE && l.key != null && textKeys.contains(l.key)
                    || l.indent == 0 && l.kind == Kind.KEY_OPEN && l.value != null && l.key != null
                            && textKeys.contains(l.key) && !listKeys.contains(l.key)) {
                hashtags(lines, i, lineNo, file, problems, l.key);
            } else if (l.kind == Kind.ITEM_SCALAR && owner != null && listKeys.contains(owner)) {
                hashtags(lines, i, lineNo, file, problems, owner);
            }
            if (checkStructure) {
                structure(lines, i, lineNo, file, problems);
            }
            if (l.indent == 0 && l.key != null && !blankIfDuplicate(lines, i, lineNo, file, topKeys, problems)) {
                topKeys.put(l.key, lineNo);
            }
        }
        StringBuilder out = new StringBuilder(yaml.length() + 16);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines.get(i).text);
        }
        return new Checked(out.toString(), problems);
    }

    private static Line classify(String text) {
        Line l = new Line();
        l.text = text;
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        l.indent = indent;
        String content = text.substring(indent);
        if (content.isBlank() || content.startsWith("#")) {
            l.kind = Kind.BLANK;
            return l;
        }
        if (content.startsWith("\t")) {
            return l;
        }
        if (content.equals("-") || content.startsWith("- ")) {
            String rest = content.substring(1);
            int lead = rest.length() - rest.stripLeading().length();
            rest = rest.strip();
            l.valueColumn = indent + 1 + lead;
            l.value = rest;
            boolean plain = !rest.isEmpty() && ("[{&!|>\"'*#%@`".indexOf(rest.charAt(0)) < 0 || startsWithHashtag(rest));
            l.kind = plain && !KEY.matcher(rest).matches() && !rest.startsWith("- ") ? Kind.ITEM_SCALAR : Kind.ITEM_OPEN;
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                l.kind = Kind.ITEM_OPEN;
            }
            return l;
        }
        Matcher m = KEY.matcher(content);
        if (m.matches()) {
            l.key = m.group(1);
            String value = m.group(2) == null ? null : m.group(2).stripTrailing();
            l.value = value;
            l.valueColumn = value == null ? text.length() : indent + m.start(2);
            boolean open = value == null || value.isEmpty() || value.startsWith("#") && !startsWithHashtag(value)
                    || BLOCK.matcher(value).matches() || ANCHOR_ONLY.matcher(value).matches();
            l.kind = open ? Kind.KEY_OPEN : Kind.KEY_INLINE;
        }
        return l;
    }

    private static boolean startsWithHashtag(String v) {
        return v.length() > 1 && v.charAt(0) == '#' && Character.isLetterOrDigit(v.codePointAt(1));
    }

    /** The lines of a block scalar ({@code summary: |}) are text, not settings. */
    private static void skipMoreIndented(List<Line> lines, int i) {
        int indent = lines.get(i).indent;
        for (int j = i + 1; j < lines.size(); j++) {
            Line n = lines.get(j);
            if (!n.text.isBlank() && n.indent <= indent) {
                return;
            }
            n.skip = true;
        }
    }

    /**
     * {@code tags: [a, b} with the next line a new setting: the bracket is never closed. Named
     * here (YAML would point at the next line) and closed, so the rest is still read.
     */
    private static void unclosedFlow(List<Line> lines, int i, int lineNo, Path file, List<Problem> problems) {
        Line l = lines.get(i);
        int depth = depth(l.value);
        if (depth <= 0) {
            return;
        }
        Line next = null;
        for (int j = i + 1; j < lines.size() && next == null; j++) {
            if (lines.get(j).kind != Kind.BLANK) {
                next = lines.get(j);
            }
        }
        if (next != null && (next.indent > l.indent || next.key == null && next.kind != Kind.ITEM_SCALAR
                && next.kind != Kind.ITEM_OPEN)) {
            return;
        }
        char open = l.value.charAt(0);
        char close = open == '[' ? ']' : '}';
        String what = l.key != null ? "the " + l.key : "this list item";
        Plain p = plain(l.value);
        problems.add(Problem.error(file, lineNo, l.valueColumn + 1,
                "the " + open + " that starts " + what + " is never closed",
                "add a " + close + " at the end: " + example(l, p.text() + String.valueOf(close).repeat(depth))));
        l.text = l.text.substring(0, l.valueColumn) + p.text() + String.valueOf(close).repeat(depth)
                + (p.comment() == null ? "" : "  " + p.comment());
        l.value = p.text() + String.valueOf(close).repeat(depth);
    }

    /** A {@code [ … ]} going on over several lines: its other lines are not checked. */
    private static boolean skipOpenFlow(List<Line> lines, int i) {
        int depth = depth(lines.get(i).value);
        if (depth <= 0) {
            return false;
        }
        for (int j = i + 1; j < lines.size() && depth > 0; j++) {
            lines.get(j).skip = true;
            depth += depth(lines.get(j).text);
        }
        return true;
    }

    private static int depth(String s) {
        int d = 0;
        char quote = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                d++;
            } else if (c == ']' || c == '}') {
                d--;
            } else if (c == '#' && k > 0 && Character.isWhitespace(s.charAt(k - 1))
                    && !(k + 1 < s.length() && Character.isLetterOrDigit(s.codePointAt(k + 1)))) {
                break;
            }
        }
        return d;
    }

    /**
     * Quotes that do not pair up. Returns false when the line was blanked (or its value goes on
     * over several lines) and is not to be checked further.
     */
    private static boolean quotes(List<Line> lines, int i, int lineNo, Path file, List<Problem> problems) {
        Line l = lines.get(i);
        String v = l.value;
        char q = v.charAt(0);
        String what = l.key != null ? "the " + l.key : "this list item";
        int close = closingQuote(v);
        int col = l.valueColumn + 1;
        if (close > 0) {
            String rest = v.substring(close + 1);
            String after = rest.strip();
            if (after.isEmpty() || after.startsWith(":") || after.startsWith("#") && Character.isWhitespace(rest.charAt(0))) {
                return true;
            }
            String inner = v.strip();
            String fix = q == '"'
                    ? (inner.indexOf('\'') < 0
                            ? "put 'single quotes' round the whole value instead: " + example(l, "'" + inner.substring(1, inner.length() - 1) + "'")
                            : "write each quote inside the value as \\\" : " + example(l, "\"" + inner.substring(1, inner.length() - 1).replace("\"", "\\\"") + "\""))
                    : "put \"double quotes\" round the whole value instead: "
                            + example(l, "\"" + inner.substring(1, inner.length() - 1).replace("\"", "\\\"") + "\"")
                            + ", or write the apostrophe twice ('')";
            problems.add(Problem.error(file, lineNo, col,
                    (q == '"' ? "a \"double quote\" inside a value in double quotes" : "an apostrophe inside a value in 'single quotes'")
                            + " ends " + what + " early (at column " + (l.valueColumn + close + 1) + ")", fix));
            l.text = "";
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            Line n = lines.get(j);
            if (n.text.indexOf(q) >= 0 && (n.indent > l.indent || n.kind == Kind.OTHER || n.kind == Kind.BLANK)) {
                for (int k = i + 1; k <= j; k++) {
                    lines.get(k).skip = true;
                }
                return false;
            }
            if (n.kind != Kind.BLANK && n.kind != Kind.OTHER && n.indent <= l.indent) {
                break;
            }
        }
        String end = v.strip();
        char last = end.charAt(end.length() - 1);
        if (end.length() > 1 && CURLY.indexOf(last) >= 0) {
            problems.add(Problem.error(file, lineNo, col,
                    what + " starts with a straight quote " + q + " but ends with a curly quote " + last
                            + " (a word processor may have changed it), so YAML reads on past the end of the line",
                    "type a straight " + q + " at the end too: " + example(l, q + end.substring(1, end.length() - 1) + q)));
        } else {
            problems.add(Problem.error(file, lineNo, col,
                    "the quote " + q + " that starts " + what + " is never closed",
                    "add a " + q + " at the end of the value: " + example(l, end + q)));
        }
        l.text = "";
        return false;
    }

    private static String example(Line l, String value) {
        return (l.key != null ? l.key + ": " : "- ") + value;
    }

    /** Index of the quote that closes the one {@code v} starts with, or -1. */
    static int closingQuote(String v) {
        char q = v.charAt(0);
        for (int k = 1; k < v.length(); k++) {
            char c = v.charAt(k);
            if (q == '"' && c == '\\') {
                k++;
            } else if (c == q) {
                if (q == '\'' && k + 1 < v.length() && v.charAt(k + 1) == '\'') {
                    k++;
                } else {
                    return k;
                }
            }
        }
        return -1;
    }

    /** {@code accent: #1d6b57} (or {@code colour:}, {@code bandColor:}…, in a flow map too): a colour without quotes. */
    private static final Pattern UNQUOTED_COLOUR = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])([A-Za-z_]*(?:accent|colou?r)[A-Za-z0-9_]*)[ \\t]*:[ \\t]+(#(?:[0-9a-f]{6}|[0-9a-f]{3}))"
                    + "(?=[ \\t]*(?:[,}\\]]|#|$))");

    /**
     * A colour written without quotes, which YAML would read as the start of a note (so the setting would
     * be empty, or a flow map never closed): it is quoted, so it is read as the colour, with a warning.
     * Returns the line quoted, or null when it has no such colour.
     */
    private static String colours(String text, int lineNo, Path file, List<Problem> problems) {
        if (text.stripLeading().startsWith("#")) {
            return null;
        }
        Matcher m = UNQUOTED_COLOUR.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (m.find()) {
            found = true;
            problems.add(Problem.warning(file, lineNo, m.start(2) + 1,
                    "the colour " + m.group(2) + " is written without quotes; YAML reads a # after a space as the start"
                            + " of a note, so it would be lost (it is read as the colour)",
                    "put it in double quotes: " + m.group(1) + ": \"" + m.group(2) + "\""));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    text.substring(m.start(), m.start(2)) + "\"" + m.group(2) + "\""));
        }
        if (!found) {
            return null;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A plain value split where YAML would start a comment, keeping hashtags as text. */
    record Plain(String text, String comment, boolean hashtag) {
    }

    /**
     * {@code #} starts a comment in YAML when it begins the value or follows a space. Here a
     * {@code #} followed by a letter or digit, at the start of the value or after a single space,
     * is a hashtag and stays text; one after two or more spaces, or followed by a space, is a comment.
     */
    static Plain plain(String v) {
        boolean tag = false;
        for (int k = 0; k < v.length(); k++) {
            if (v.charAt(k) != '#' || k > 0 && !Character.isWhitespace(v.charAt(k - 1))) {
                continue;
            }
            boolean word = k + 1 < v.length() && Character.isLetterOrDigit(v.codePointAt(k + 1));
            boolean oneSpace = k == 0 || v.charAt(k - 1) == ' ' && (k < 2 || !Character.isWhitespace(v.charAt(k - 2)));
            if (word && oneSpace) {
                tag = true;
            } else {
                return new Plain(v.substring(0, k).stripTrailing(), v.substring(k), tag);
            }
        }
        return new Plain(v.stripTrailing(), null, tag);
    }

    private static void hashtags(List<Line> lines, int i, int lineNo, Path file, List<Problem> problems, String key) {
        Line l = lines.get(i);
        boolean continues = i + 1 < lines.size() && continuation(lines, i);
        Plain p = plain(l.value);
        if (p.comment() != null) {
            int col = l.valueColumn + l.value.length() - p.comment().length() + 1;
            String what = l.kind == Kind.ITEM_SCALAR ? "this item of " + key : "the " + key;
            problems.add(Problem.warning(file, lineNo, col,
                    "the words after # (\"" + p.comment() + "\") are read as a comment and left out of " + what,
                    "if they belong to it, put the whole value in \"double quotes\"; a note to yourself can go on a line of its own"));
        }
        if (p.hashtag() && !p.text().isEmpty() && !continues) {
            l.text = l.text.substring(0, l.valueColumn) + "'" + p.text().replace("'", "''") + "'"
                    + (p.comment() == null ? "" : "  " + p.comment());
        }
    }

    /** Whether the value on line {@code i} goes on on the next lines (a long plain value). */
    private static boolean continuation(List<Line> lines, int i) {
        int indent = lines.get(i).indent;
        for (int j = i + 1; j < lines.size(); j++) {
            Line n = lines.get(j);
            if (n.kind == Kind.BLANK) {
                continue;
            }
            return n.kind == Kind.OTHER && n.indent > indent;
        }
        return false;
    }

    /** {@code tags: [oracy, #TMNorth]}: YAML would read {@code #TMNorth]} as a comment. */
    private static void flowHashtags(Line l) {
        String v = l.value;
        int close = v.indexOf(v.charAt(0) == '[' ? ']' : '}');
        if (v.charAt(0) != '[' || close < 0 || v.indexOf('"') >= 0 || v.indexOf('\'') >= 0
                || v.substring(0, close).indexOf('#') < 0) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (String item : v.substring(1, close).split(",", -1)) {
            String s = item.strip();
            items.add(s.startsWith("#") ? "'" + s + "'" : s);
        }
        l.text = l.text.substring(0, l.valueColumn) + "[" + String.join(", ", items) + "]" + v.substring(close + 1);
    }

    /** Keys indented under a line that already has its value, and list items that do not line up. */
    private static void structure(List<Line> lines, int i, int lineNo, Path file, List<Problem> problems) {
        Line l = lines.get(i);
        Line prev = previous(lines, i, Integer.MAX_VALUE);
        if (l.key != null && l.indent > 0) {
            Line parent = previous(lines, i, l.indent);
            boolean first = prev == null;
            if (first && !laterLessIndented(lines, i) || parent != null
                    && parent.kind != Kind.KEY_INLINE && parent.kind != Kind.ITEM_SCALAR) {
                return;
            }
            int to = parent == null ? 0 : parent.indent;
            String above = parent == null ? "" : parent.key != null ? " \"" + parent.key + ":\"" : " the list item";
            problems.add(Problem.error(file, lineNo, l.indent + 1,
                    "\"" + l.key + ":\" is indented by " + spaces(l.indent - to) + " more than"
                            + (above.isEmpty() ? " the lines below it" : above + " on the line above")
                            + ", so YAML cannot tell which setting it belongs to",
                    to == 0 ? "start \"" + l.key + ":\" at the very beginning of the line, like the other settings"
                            : "line \"" + l.key + ":\" up with" + above + " (" + spaces(to) + " in)"));
            reindent(l, to);
            return;
        }
        if (l.kind != Kind.ITEM_SCALAR && l.kind != Kind.ITEM_OPEN || prev == null || prev.kind != Kind.ITEM_SCALAR
                || prev.indent == l.indent) {
            return;
        }
        if (l.indent < prev.indent) {
            Line sibling = previous(lines, i, l.indent + 1);
            if (sibling != null && sibling.indent == l.indent && sibling.kind != Kind.KEY_OPEN
                    && sibling.kind != Kind.KEY_INLINE) {
                return;
            }
        }
        String itemOf = prev.owner == null ? "" : " of " + prev.owner;
        String message = l.indent > prev.indent
                ? "this list item" + itemOf + " is indented by " + spaces(l.indent - prev.indent)
                        + " more than the one above, so YAML joins the two into one item, \"" + prev.value + " "
                        + l.content() + "\""
                : "this list item" + itemOf + " does not line up with the one above (" + spaces(l.indent)
                        + " in, not " + prev.indent + ")";
        problems.add(Problem.error(file, lineNo, l.indent + 1, message,
                "start every \"- \" of the list at the same place, "
                        + (prev.indent == 0 ? "at the very beginning of the line" : spaces(prev.indent) + " in")
                        + ", as on the line above"));
        reindent(l, prev.indent);
    }

    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }

    private static void reindent(Line l, int to) {
        l.text = " ".repeat(to) + l.content();
        l.valueColumn += to - l.indent;
        l.indent = to;
    }

    /** The nearest line above {@code i} that is read and indented less than {@code indent}. */
    private static Line previous(List<Line> lines, int i, int indent) {
        for (int j = i - 1; j >= 0; j--) {
            Line p = lines.get(j);
            if (!p.skip && p.kind != Kind.BLANK && !p.text.isEmpty() && p.indent < indent) {
                return p;
            }
        }
        return null;
    }

    private static boolean laterLessIndented(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            Line n = lines.get(j);
            if (!n.skip && n.kind != Kind.BLANK && n.indent < lines.get(i).indent) {
                return true;
            }
        }
        return false;
    }

    /**
     * A top-level key written a second time: named with both lines, and left out (with its
     * indented lines) so that the rest of the file is still read and its other mistakes found.
     */
    private static boolean blankIfDuplicate(List<Line> lines, int i, int lineNo, Path file, Map<String, Integer> seen,
            List<Problem> problems) {
        Line l = lines.get(i);
        Integer first = seen.get(l.key);
        if (first == null) {
            return false;
        }
        problems.add(Problem.error(file, lineNo, 1,
                "the key \"" + l.key + "\" is written twice (first on line " + first + "); only one can count",
                "delete one of the two \"" + l.key + ":\" lines, or join them into one"));
        l.text = "";
        for (int j = i + 1; j < lines.size(); j++) {
            Line n = lines.get(j);
            boolean belongs = n.skip || n.kind == Kind.BLANK || n.indent > 0
                    || n.kind == Kind.ITEM_SCALAR || n.kind == Kind.ITEM_OPEN;
            if (!belongs) {
                break;
            }
            n.text = "";
            n.skip = true;
        }
        return true;
    }
}
