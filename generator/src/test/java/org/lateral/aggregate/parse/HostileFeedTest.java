package org.lateral.aggregate.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.parse.FeedParserTest.ANN;
import static org.lateral.aggregate.parse.FeedParserTest.NOW;
import static org.lateral.aggregate.parse.FeedParserTest.fixture;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedStatus.Kind;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.safety.Sanitizer;

/**
 * The hostile corpus: every attack must come out harmless, and any request it tries to make must
 * never reach the loopback server that stands in for the attacker.
 */
@Timeout(30)
class HostileFeedTest {

    private final FeedParser parser = new FeedParser(Sanitizer.create(), 50);
    private final LoopbackServer attacker = new LoopbackServer()
            .route("/", LoopbackServer.respond(200, "text/plain", "ATTACKER-CONTENT"));

    @AfterEach
    void stop() {
        attacker.close();
    }

    private ParsedFeed parse(String fixture) {
        String xml = new String(fixture(fixture), StandardCharsets.UTF_8)
                .replace("@LOOPBACK@", attacker.uri("").toString());
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));
    }

    private static void assertHarmless(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, style, iframe, object, embed, form, input, button, meta, base, link, svg, math"))
                .isEmpty();
        for (Element el : doc.getAllElements()) {
            el.attributes().forEach(attr -> {
                assertThat(attr.getKey()).doesNotStartWith("on").isNotIn("style", "srcdoc", "xlink:href");
                if (attr.getKey().equals("href") || attr.getKey().equals("src")) {
                    assertThat(attr.getValue()).matches("https?://.*");
                }
            });
        }
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("rel")).isEqualTo("nofollow noopener ugc");
        }
    }

    private static void assertPlain(String text) {
        assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContainPattern("\\p{Cc}");
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("alert(");
    }

    @Test
    void xssInRssContentTitlesAndChannelIsNeutralised() {
        ParsedFeed feed = parse("hostile/xss-rss.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertPlain(feed.title());
        assertThat(feed.title()).isEqualTo("Evil blog");
        assertThat(feed.siteLink()).isEmpty();
        Entry entry = feed.entries().get(0);
        assertPlain(entry.title());
        assertThat(entry.title()).isEqualTo("Hello world");
        assertThat(entry.link()).isEmpty();
        assertThat(entry.authors()).containsExactly("Mallory");
        assertThat(entry.categories()).containsExactly("Safeguarding");
        assertHarmless(entry.contentHtml());
        Document html = Jsoup.parseBodyFragment(entry.contentHtml());
        assertThat(html.select("a[href]")).isEmpty();
        assertThat(html.select("img").eachAttr("src")).containsExactly("https://ok.example/ok.png");
        assertThat(html.text()).contains("Para").contains("escaped the layout?").doesNotContain("alert");
    }

    @Test
    void xssInAtomXhtmlAndEscapedHtmlIsNeutralised() {
        ParsedFeed feed = parse("hostile/xss-atom.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(feed.title()).isEqualTo("Atom evil");
        for (Entry entry : feed.entries()) {
            assertPlain(entry.title());
            assertHarmless(entry.contentHtml());
            assertThat(entry.link()).isEmpty();
            entry.authors().forEach(HostileFeedTest::assertPlain);
        }
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Bold title", "Escaped");
        assertThat(feed.entries().get(0).authors()).containsExactly("Eve");
        assertThat(Jsoup.parseBodyFragment(feed.entries().get(1).contentHtml()).text()).isEqualTo("safe text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile/xxe-file.xml", "hostile/xxe-http.xml", "hostile/xxe-parameter.xml",
            "hostile/billion-laughs.xml", "hostile/quadratic-blowup.xml", "hostile/doctype-after-comment.xml"})
    void everyDoctypeWithDeclarationsIsRefusedAndNothingIsFetched(String fixture) {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.status().kind()).isEqualTo(Kind.DOCTYPE_REFUSED);
        assertThat(feed.status().message()).isEqualTo("the feed uses a DOCTYPE, which is not allowed");
        assertThat(feed.status().line()).isPositive();
        assertThat(feed.entries()).isEmpty();
        assertThat(attacker.requests()).isEmpty();
    }

    @Test
    void theXmlParserItselfRefusesDoctypesTheSnifferMissed() throws Exception {
        String sneaky = "<?xml version=\"1.0\"?><rss version=\"2.0\"><!DOCTYPE x [<!ENTITY e SYSTEM \""
                + attacker.uri("/late") + "\">]><channel><title>&e;</title></channel></rss>";

        ParsedFeed feed = parser.parse(sneaky.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));

        assertThat(feed.status().kind()).isIn(Kind.DOCTYPE_REFUSED, Kind.MALFORMED_XML);
        assertThat(attacker.requests()).isEmpty();
    }

    @Test
    void anExternalDtdAloneIsIgnoredNotFetched() {
        ParsedFeed feed = parse("hostile/external-dtd.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Still readable");
        assertThat(attacker.requests()).isEmpty();
    }

    @Test
    void xincludeIsNotProcessed() {
        ParsedFeed feed = parse("hostile/xinclude.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        Entry entry = feed.entries().get(0);
        assertThat(entry.summary()).isEqualTo("Nothing included.");
        assertThat(entry.contentHtml()).doesNotContain("root:").doesNotContain("ATTACKER-CONTENT");
        assertThat(attacker.requests()).isEmpty();
    }

    @Test
    void deeplyNestedXmlIsRefusedWithoutStackOverflow() {
        int depth = 200_000;
        String xml = "<rss version=\"2.0\"><channel><title>deep</title><item><description>" + "<x>".repeat(depth)
                + "</x>".repeat(depth) + "</description></item></channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));

        assertThat(feed.status().kind()).isEqualTo(Kind.TOO_COMPLEX);
        assertThat(feed.status().message()).contains("nested more than 128 levels deep");
    }

    @Test
    void tooManyElementsAreRefused() {
        String xml = "<rss version=\"2.0\"><channel><title>wide</title>" + "<x/>".repeat(60_000) + "</channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));

        assertThat(feed.status().kind()).isEqualTo(Kind.TOO_COMPLEX);
        assertThat(feed.status().message()).contains("50,000");
    }

    @Test
    void deeplyNestedEscapedHtmlInContentIsReadQuicklyAsText() {
        String deep = "&lt;div&gt;".repeat(60_000) + "deep text" + "&lt;/div&gt;".repeat(60_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>Deep</title><description>" + deep
                + "</description></item></channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(Jsoup.parseBodyFragment(feed.entries().get(0).contentHtml()).text()).isEqualTo("deep text");
    }
}
