package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/**
 * A site published under a path ({@code https://example.org/cpd/}) whose post holds raw HTML with
 * every kind of address attribute: pages, feeds and the search index agree on each (issue 10/12:
 * {@code srcset} candidates were not rebased, so the feed pointed at {@code https://example.org/img/a.png}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasePathLinksIT {

    static final String POST = "2024/03/pictures/index.html";
    Path out;

    @BeforeAll
    void build(@TempDir Path tmp) {
        out = TestSites.built(tmp, """
                -- site.yaml --
                title: Under a path
                baseUrl: https://example.org/cpd/
                -- static/img/a.png --
                png
                -- static/img/a2.png --
                png
                -- content/posts/2024-03-01-pictures.md --
                ---
                title: Pictures
                ---
                Our display.

                <img src="/img/a.png" srcset="/img/a.png 1x, /img/a2.png 2x" alt="The display">

                <blockquote cite="/about/"><p>Quoted.</p></blockquote>
                """);
    }

    @Test
    void srcsetCandidatesOnThePageAreRelativeAndExist() {
        Document d = Html.page(out, POST);
        String srcset = d.select(".content img").attr("srcset");
        assertThat(srcset).isEqualTo("../../../img/a.png 1x, ../../../img/a2.png 2x");
        for (String candidate : srcset.split(",")) {
            assertThat(Html.linkTarget(out, POST, candidate.strip().split(" ")[0])).exists();
        }
        assertThat(d.select(".content img").attr("src")).isEqualTo("../../../img/a.png");
        assertThat(d.select(".content blockquote").attr("cite")).isEqualTo("../../../about/index.html");
    }

    @Test
    void srcsetCandidatesInTheFeedsAreAbsoluteUnderTheBasePath() throws Exception {
        Document atom = Jsoup.parse(TestSites.read(out.resolve("feed.xml")), "", Parser.xmlParser());
        assertAbsolute(Jsoup.parseBodyFragment(atom.select("entry > content").text()));
        Document rss = Jsoup.parse(TestSites.read(out.resolve("rss.xml")), "", Parser.xmlParser());
        assertAbsolute(Jsoup.parseBodyFragment(rss.getElementsByTag("content:encoded").text()));
        JsonNode json = new ObjectMapper().readTree(out.resolve("feed.json").toFile());
        assertAbsolute(Jsoup.parseBodyFragment(json.get("items").get(0).get("content_html").asText()));
    }

    private static void assertAbsolute(Document content) {
        assertThat(content.select("img").attr("src")).isEqualTo("https://example.org/cpd/img/a.png");
        assertThat(content.select("img").attr("srcset"))
                .isEqualTo("https://example.org/cpd/img/a.png 1x, https://example.org/cpd/img/a2.png 2x");
        assertThat(content.select("blockquote").attr("cite")).isEqualTo("https://example.org/cpd/about/");
    }
}
