package org.lateral.aggregate.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.parse.FeedParserTest.ANN;
import static org.lateral.aggregate.parse.FeedParserTest.NOW;
import static org.lateral.aggregate.parse.FeedParserTest.fixture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedStatus.Kind;
import org.lateral.safety.Deadline;
import org.lateral.safety.Sanitizer;

/** Issue 11's hub attacks on the parser: each hostile input is a fixture under feeds/hostile/. */
@Timeout(60)
class HubHardeningTest {

    private final FeedParser parser = new FeedParser(Sanitizer.create(), 50);

    private ParsedFeed parse(String name) {
        return parser.parse(fixture(name), FeedContext.of(ANN, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile/jdom-namespace-not-a-uri.xml", "hostile/jdom-element-named-colon-id.xml",
            "hostile/jdom-attribute-named-colon-xi.xml", "hostile/jdom-pi-target-a-b.xml"})
    void namesJdomRefusesAreThatFeedsFailureNotAnException(String name) {
        ParsedFeed feed = parse(name);

        assertThat(feed.status().isSuccess()).isFalse();
        assertThat(feed.status().kind()).isIn(Kind.MALFORMED_XML, Kind.NOT_A_FEED, Kind.UNREADABLE);
        assertThat(feed.status().message()).doesNotContain("Exception").doesNotContain("org.jdom");
        assertThat(feed.entries()).isEmpty();
    }

    @Test
    void aHundredKilobyteAuthorNameIsReadWithBoundedWork() {
        String hostile = "@".repeat(50_000) + "a".repeat(50_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                + "<link>https://ann.example/1</link><author>" + hostile + "</author>"
                + "<pubDate>Sat, 01 Mar 2025 07:00:00 GMT</pubDate></item></channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));

        assertThat(feed.status().isSuccess()).isTrue();
        assertThat(feed.entries()).singleElement().satisfies(e ->
                assertThat(e.authors()).allSatisfy(a -> assertThat(a.length()).isLessThanOrEqualTo(101)));
    }

    @Test
    void theNameInAnEmailWithNameIsReadInOnePass() {
        assertThat(EntryNormalizer.nameAfterEmail("ann@example.org (Ann Teacher)")).contains("Ann Teacher");
        assertThat(EntryNormalizer.nameAfterEmail("  ann@example.org(Ann)  ")).contains("Ann");
        assertThat(EntryNormalizer.nameAfterEmail("Ann Teacher (maths)")).isEmpty();
        assertThat(EntryNormalizer.nameAfterEmail("@ (x)")).isEmpty();
        assertThat(EntryNormalizer.nameAfterEmail("@".repeat(100_000) + " (x")).isEmpty();
    }

    @Test
    void aPassedDeadlineStopsTheFeedWithAPlainMessage() {
        Deadline passed = new Deadline(System.nanoTime() - 1, Duration.ofSeconds(30));

        ParsedFeed feed = parser.parse(fixture("valid/rss20.xml"), FeedContext.of(ANN, NOW), passed);

        assertThat(feed.status().kind()).isEqualTo(Kind.NOT_READ_IN_TIME);
        assertThat(feed.status().message()).isEqualTo("reading the feed took longer than its 30 s limit");
    }

    @Test
    void implausibleDatesAreUnknownNotYearOne() {
        ParsedFeed feed = parse("hostile/implausible-dates.xml");

        assertThat(feed.status().isSuccess()).isTrue();
        for (Entry e : feed.entries()) {
            assertThat(e.published()).isAfterOrEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
            if (!e.title().equals("Real")) {
                assertThat(e.dateEstimated()).as(e.title()).isTrue();
                assertThat(e.published()).isEqualTo(NOW);
            }
        }
        assertThat(feed.entries()).filteredOn(e -> e.title().equals("Real")).singleElement()
                .satisfies(e -> assertThat(e.published()).isEqualTo(Instant.parse("2025-03-01T07:00:00Z")));
    }

    @Test
    void bidiControlsAreStrippedFromTitlesNamesAndContent() {
        ParsedFeed feed = parse("hostile/bidi-controls.xml");

        assertThat(feed.title()).isEqualTo("Bidi evil");
        Entry e = feed.entries().get(0);
        for (String text : new String[] {e.title(), String.join(",", e.authors()), String.join(",", e.categories()),
                e.contentHtml(), e.summary()}) {
            assertThat(text.codePoints().filter(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069))
                    .as(text).isEmpty();
        }
        assertThat(e.title()).isEqualTo("Safe gnp.exe title");
        assertThat(e.authors()).containsExactly("Ann Teacher");
    }

    @Test
    void picturesFromInternalAddressesAreDropped() {
        ParsedFeed feed = parse("hostile/internal-images.xml");

        Entry e = feed.entries().get(0);
        Document doc = Jsoup.parseBodyFragment(e.contentHtml());
        assertThat(doc.select("img")).extracting(img -> img.attr("alt")).containsExactly("public", "own");
        assertThat(doc.select("img").eachAttr("src")).containsExactly("https://cdn.ann.example/public.png",
                "https://ann.example/img/own.png");
        assertThat(doc.select("img[srcset]")).isEmpty();
        assertThat(e.image()).contains(java.net.URI.create("https://cdn.ann.example/public.png"));
    }

    @Test
    void thePageOfSomethingThatIsNotAFeedIsNeverQuoted() {
        ParsedFeed feed = parse("hostile/internal-xml-page.xml");

        assertThat(feed.status().isSuccess()).isFalse();
        assertThat(feed.status().format()).doesNotContain("router").doesNotContain("secret-setting-name")
                .doesNotContain("hunter2").doesNotContain("wifi");
    }
}
