package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ReadableContentTest {

    /** How headings were demoted before: the regular expression, as the reference. */
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-6])(?=[\\s>])");

    private static String byExpression(String html, int by) {
        Matcher m = HEADING.matcher(html);
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
        List<String> parts = List.of("<", "</", "h", "1", "2", "6", "7", "0", ">", " ", "\t", "\n", "\u000B", "\f",
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
