package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadableContentTest {

    @TempDir
    Path tmp;

    @Test
    void tablesAndCodeBlocksAreWrappedInLabelledScrollRegions() {
        ReadableContent r = readable();
        String html = "<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<pre><code>x</code></pre>\n<table class=\"t\"><tr><td>"
                + "<table><tr><td>in</td></tr></table></td></tr></table>";
        String out = r.apply(html, "", 0);
        assertThat(out).isEqualTo(byExpressions(byExpressions(html, "table", "Table", ""), "pre", "Code example", ""));
        assertThat(out).contains("<div class=\"scroll-region\" role=\"region\" tabindex=\"0\" aria-label=\"Table 1\"><table>")
                .contains("aria-label=\"Table 2\"><table class=\"t\">").doesNotContain("Table 3")
                .contains("</table></td></tr></table></div>").contains("aria-label=\"Code example 1\"><pre><code>x</code></pre></div>");
        assertThat(r.apply("<tablex>no</tablex><table>unclosed", "", 0)).isEqualTo("<tablex>no</tablex><table>unclosed");
    }

    /** The single scan gives what the expressions it replaced gave, on random tag soup (fixed seed). */
    @Test
    void theScanAgreesWithTheExpressionsOnRandomHtml() {
        ReadableContent r = readable();
        String[] bits = {"<table>", "</table>", "<table class=\"x\">", "<table\n>", "<tablex>", "<pre>", "</pre>", "<pre ",
            "<pre\t", "<prefix>", "</pre >", "text ", "’", "<p>", "</p>", "<", ">", "\u000B", "<code>", "</code>"};
        Random random = new Random(20);
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                b.append(bits[random.nextInt(bits.length)]);
            }
            String html = b.toString();
            String context = random.nextBoolean() ? "" : "Entry \"" + i + "\"";
            String expected = html;
            if (expected.contains("<table")) {
                expected = byExpressions(expected, "table", "Table", context);
            }
            if (expected.contains("<pre")) {
                expected = byExpressions(expected, "pre", "Code example", context);
            }
            assertThat(r.apply(html, context, 0)).as(html).isEqualTo(expected);
        }
    }

    private ReadableContent readable() {
        Theme theme = ThemeLoader.load("default", tmp, getClass().getClassLoader());
        return new ReadableContent(Strings.load(theme, tmp, "en", Locale.UK));
    }

    /** The wrapping as it was done before (regular expressions, three scans and a fourth), for comparison. */
    private static String byExpressions(String html, String tag, String word, String context) {
        Pattern open = Pattern.compile("<" + tag + "(?=[\\s>])");
        Pattern close = Pattern.compile("</" + tag + ">");
        Pattern either = Pattern.compile(open.pattern() + "|" + close.pattern());
        if (!open.matcher(html).find() || open.matcher(html).results().count() != close.matcher(html).results().count()) {
            return html;
        }
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        int n = 0;
        int at = 0;
        Matcher any = either.matcher(html);
        while (any.find()) {
            if (!any.group().startsWith("</")) {
                if (depth == 0) {
                    n++;
                    String label = word + " " + n + (context.isBlank() ? "" : " (" + context + ")");
                    sb.append(html, at, any.start()).append("<div class=\"scroll-region\" role=\"region\" tabindex=\"0\" aria-label=\"")
                            .append(label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"))
                            .append("\">");
                    at = any.start();
                }
                depth++;
            } else {
                depth--;
                if (depth == 0) {
                    sb.append(html, at, any.end()).append("</div>");
                    at = any.end();
                } else if (depth < 0) {
                    return html;
                }
            }
        }
        return sb.append(html, at, html.length()).toString();
    }

    /** How headings were demoted before: the regular expression, as the reference. */
    private static final Pattern HEADING_EXPRESSION = Pattern.compile("<(/?)h([1-6])(?=[\\s>])");

    private static String byExpression(String html, int by) {
        Matcher m = HEADING_EXPRESSION.matcher(html);
        StringBuilder sb = new StringBuilder(html.length());
        while (m.find()) {
            m.appendReplacement(sb, "<" + m.group(1) + "h" + Math.min(6, Integer.parseInt(m.group(2)) + by));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void headingsMoveDownAndNeverBelowSix() {
        assertThat(ReadableContent.demote("<h1 id=\"a\">A</h1><p>x</p><h5>B</h5>\n<h6>C</h6>", 2))
                .isEqualTo("<h3 id=\"a\">A</h3><p>x</p><h6>B</h6>\n<h6>C</h6>");
        assertThat(ReadableContent.demote("<hr><h7>no</h7><h2x>no</h2x><H2>no</H2><h2", 1))
                .isEqualTo("<hr><h7>no</h7><h2x>no</h2x><H2>no</H2><h2");
        assertThat(ReadableContent.demote("<h2\tclass=x>a</h2\n>", 1)).isEqualTo("<h3\tclass=x>a</h3\n>");
    }

    @Test
    void demotingGivesWhatTheRegularExpressionGave() {
        Random random = new Random(20261202L); // a fixed seed
        java.util.List<String> parts = java.util.List.of("<", "</", "h", "1", "2", "6", "7", "0", ">", " ", "\t", "\n", "\u000B", "\f",
                "\r", "x", "é", "“", "<h2>", "</h3>", "<p>", "/", "<h", "<<");
        for (int run = 0; run < 5_000; run++) {
            StringBuilder html = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                html.append(parts.get(random.nextInt(parts.size())));
            }
            int by = 1 + random.nextInt(6);
            assertThat(ReadableContent.demote(html.toString(), by)).as("%s by %d", html, by)
                    .isEqualTo(byExpression(html.toString(), by));
        }
    }
}
