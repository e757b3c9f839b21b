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
}
