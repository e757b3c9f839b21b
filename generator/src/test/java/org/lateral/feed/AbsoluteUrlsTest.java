package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class AbsoluteUrlsTest {

    private static final String POST = "https://example.org/cpd/2024/03/oracy/";

    private static Document resolved(String html) {
        return Jsoup.parseBodyFragment(AbsoluteUrls.resolve(html, POST));
    }

    @Test
    void resolvesAnImageBesideThePostAgainstItsPermalinkWithTheBasePath() {
        assertThat(resolved("<img src=\"photo.jpg\" alt=\"\">").select("img").attr("src"))
                .isEqualTo("https://example.org/cpd/2024/03/oracy/photo.jpg");
    }

    @Test
    void resolvesLinksOfEveryShape() {
        Document d = resolved("<a id=a href=\"../other/\">o</a><a id=b href=\"/cpd/about/\">a</a>"
                + "<a id=c href=\"#fn1\">1</a><a id=d href=\"?page=2\">q</a><a id=e href=\"//cdn.example/x\">c</a>");
        assertThat(d.select("#a").attr("href")).isEqualTo("https://example.org/cpd/2024/03/other/");
        assertThat(d.select("#b").attr("href")).isEqualTo("https://example.org/cpd/about/");
        assertThat(d.select("#c").attr("href")).isEqualTo(POST + "#fn1");
        assertThat(d.select("#d").attr("href")).isEqualTo(POST + "?page=2");
        assertThat(d.select("#e").attr("href")).isEqualTo("https://cdn.example/x");
    }

    @Test
    void leavesAbsoluteAndMailtoUrlsAlone() {
        Document d = resolved("<a id=a href=\"https://other.example/x?a=1&amp;b=2\">x</a><a id=m href=\"mailto:a@b.example\">m</a>");
        assertThat(d.select("#a").attr("href")).isEqualTo("https://other.example/x?a=1&b=2");
        assertThat(d.select("#m").attr("href")).isEqualTo("mailto:a@b.example");
    }

    @Test
    void resolvesEveryCandidateOfSrcsetAndMediaAttributes() {
        Document d = resolved("<picture><source srcset=\"a.webp 1x, b.webp 2x\"></picture>"
                + "<video src=\"v.mp4\" poster=\"p.jpg\"></video><blockquote cite=\"src.html\">q</blockquote>");
        assertThat(d.select("source").attr("srcset")).isEqualTo(POST + "a.webp 1x, " + POST + "b.webp 2x");
        assertThat(d.select("video").attr("src")).isEqualTo(POST + "v.mp4");
        assertThat(d.select("video").attr("poster")).isEqualTo(POST + "p.jpg");
        assertThat(d.select("blockquote").attr("cite")).isEqualTo(POST + "src.html");
    }

    @Test
    void dropsHtmlComments() {
        assertThat(AbsoluteUrls.resolve("<p>a</p>\n<!--more-->\n<p>b</p>", POST)).doesNotContain("<!--");
    }

    @Test
    void dropsControlCharactersWrittenAsCharacterReferences() {
        assertThat(AbsoluteUrls.resolve("<p>bell &#x7; escape \u001B end</p>", POST)).isEqualTo("<p>bell  escape  end</p>");
    }

    @Test
    void keepsTextAndMarkupAsTheyWere() {
        assertThat(AbsoluteUrls.resolve("<p>Fish &amp; chips <em>“quoted”</em></p>", POST))
                .isEqualTo("<p>Fish &amp; chips <em>“quoted”</em></p>");
    }
}
