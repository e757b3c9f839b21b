package org.lateral.aggregate.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedLocation;
import org.lateral.aggregate.FeedStatus.Kind;
import org.lateral.aggregate.Subscription;
import org.lateral.safety.Sanitizer;

class FeedParserTest {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final Subscription ANN = Subscription.of("Ann Teacher",
            new FeedLocation.Remote(URI.create("https://ann.example/feed.xml")));

    private final FeedParser parser = new FeedParser(Sanitizer.create(), 50);

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedFeed parse(String fixture) {
        return parser.parse(fixture(fixture), FeedContext.of(ANN, NOW));
    }

    private static Entry entry(ParsedFeed feed, String titleStart) {
        return feed.entries().stream().filter(e -> e.title().startsWith(titleStart)).findFirst().orElseThrow(() ->
                new AssertionError("no entry titled " + titleStart + " in " + feed.entries()));
    }

    @Test
    void readsRss20WithContentEncodedCategoriesAndEnclosures() {
        ParsedFeed feed = parse("valid/rss20.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(feed.title()).isEqualTo("Ann's CPD reflections");
        assertThat(feed.siteLink()).contains(URI.create("https://ann.example/"));
        Entry oracy = entry(feed, "TeachMeet");
        assertThat(oracy.title()).isEqualTo("TeachMeet & oracy: what I took away");
        assertThat(oracy.id()).isEqualTo("https://ann.example/posts/teachmeet-oracy/");
        assertThat(oracy.memberId()).isEqualTo("ann-teacher");
        assertThat(oracy.authors()).containsExactly("Ann Teacher");
        assertThat(oracy.categories()).containsExactly("Oracy", "TeachMeet");
        assertThat(oracy.published()).isEqualTo(Instant.parse("2025-03-04T18:30:00Z"));
        assertThat(oracy.summary()).isEqualTo("Short version: talk is a tool.");
        assertThat(oracy.enclosures()).singleElement().satisfies(e -> {
            assertThat(e.url()).isEqualTo(URI.create("https://ann.example/audio/teachmeet.mp3"));
            assertThat(e.type()).isEqualTo("audio/mpeg");
            assertThat(e.length()).isEqualTo(123456);
        });
        Document html = Jsoup.parseBodyFragment(oracy.contentHtml());
        assertThat(html.select("h1")).isEmpty();
        assertThat(html.select("h2").text()).isEqualTo("Talk is a tool");
        assertThat(html.selectFirst("a").attr("href")).isEqualTo("https://ann.example/posts/older/");
        assertThat(html.selectFirst("img").attr("src")).isEqualTo("https://ann.example/posts/teachmeet-oracy/img/board.jpg");
        assertThat(oracy.image()).contains(URI.create("https://ann.example/posts/teachmeet-oracy/img/board.jpg"));
    }

    @Test
    void usesTheGuidAsIdAndReadsDatesRomeCannot() {
        Entry walk = entry(parse("valid/rss20.xml"), "Learning walk");

        assertThat(walk.id()).isEqualTo("ann-2025-02-learning-walk");
        assertThat(walk.published()).isEqualTo(Instant.parse("2025-02-20T09:15:00Z"));
        assertThat(walk.dateEstimated()).isFalse();
        assertThat(Jsoup.parseBodyFragment(walk.contentHtml()).select("p").text()).isEqualTo("Three things I noticed.");
        assertThat(walk.image()).contains(URI.create("https://ann.example/images/walk.png"));
    }

    @Test
    void makesATitleFromTheTextWhenThereIsNone() {
        ParsedFeed feed = parse("valid/rss20.xml");

        Entry untitled = feed.entries().stream().filter(e -> e.link().orElseThrow().getPath().equals("/posts/untitled/"))
                .findFirst().orElseThrow();
        assertThat(untitled.title()).startsWith("An entry without a title").endsWith("…").hasSizeLessThanOrEqualTo(81);
        assertThat(untitled.published()).isEqualTo(Instant.parse("2025-02-03T08:00:00Z"));
    }

    @Test
    void anUndatedEntryGetsTheTimeItWasFirstSeen() {
        Instant firstSeen = Instant.parse("2025-03-05T08:00:00Z");
        ParsedFeed first = parse("valid/rss20.xml");
        assertThat(entry(first, "Undated").published()).isEqualTo(NOW);
        assertThat(entry(first, "Undated").dateEstimated()).isTrue();

        ParsedFeed later = parser.parse(fixture("valid/rss20.xml"), new FeedContext(ANN, ANN.feed().uri(),
                Optional.empty(), NOW, Map.of("https://ann.example/posts/undated/", firstSeen)));

        assertThat(entry(later, "Undated").published()).isEqualTo(firstSeen);
        assertThat(later.firstSeen()).containsEntry("https://ann.example/posts/undated/", firstSeen);
    }

    @Test
    void aFutureDateIsClampedToTheTimeFirstSeen() {
        Entry future = entry(parse("valid/rss20.xml"), "Scheduled");

        assertThat(future.published()).isEqualTo(NOW);
        assertThat(future.updated()).isEqualTo(NOW);
    }

    @Test
    void entriesComeNewestFirst() {
        List<Instant> dates = parse("valid/rss20.xml").entries().stream().map(Entry::published).toList();

        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void readsAtomWithXmlBaseXhtmlAndHtmlContent() {
        ParsedFeed feed = parse("valid/atom10.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(feed.title()).isEqualTo("Bob's <learning> log");
        Entry coaching = entry(feed, "Coaching");
        assertThat(coaching.title()).isEqualTo("Coaching conversations");
        assertThat(coaching.link()).contains(URI.create("https://bob.example/blog/posts/2025/coaching/"));
        assertThat(coaching.published()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        assertThat(coaching.updated()).isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        assertThat(coaching.authors()).containsExactly("Bob Leader");
        assertThat(coaching.categories()).containsExactly("coaching");
        Document html = Jsoup.parseBodyFragment(coaching.contentHtml());
        assertThat(html.selectFirst("a").attr("href")).isEqualTo("https://bob.example/blog/posts/2025/coaching/notes.html");
        assertThat(html.selectFirst("img").attr("src")).isEqualTo("https://bob.example/blog/posts/2025/coaching/diagram.png");
        assertThat(html.select("h2").text()).isEqualTo("Coaching");

        Entry plain = entry(feed, "Plain");
        assertThat(plain.title()).isEqualTo("Plain & simple");
        assertThat(plain.link()).contains(URI.create("https://bob.example/blog/plain/"));
        assertThat(plain.summary()).isEqualTo("Text with <b> that is not markup.");
        Document plainHtml = Jsoup.parseBodyFragment(plain.contentHtml());
        assertThat(plainHtml.select("strong").text()).isEqualTo("HTML");
        assertThat(plainHtml.selectFirst("a").attr("href")).isEqualTo("https://bob.example/about");
        assertThat(plain.published()).isEqualTo(Instant.parse("2025-02-01T09:00:00Z"));
    }

    @Test
    void atomTextContentIsShownAsText() {
        Entry text = entry(parse("valid/atom10.xml"), "A text entry");

        Document html = Jsoup.parseBodyFragment(text.contentHtml());
        assertThat(html.select("p").eachText()).containsExactly("Line one <not a tag>", "Second paragraph.");
        assertThat(html.select("not")).isEmpty();
    }

    @Test
    void readsRss10() {
        ParsedFeed feed = parse("valid/rss10.xml");

        Entry entry = entry(feed, "Retrieval practice");
        assertThat(entry.published()).isEqualTo(Instant.parse("2025-01-15T09:00:00Z"));
        assertThat(entry.authors()).containsExactly("Rita Dee");
        assertThat(entry.link()).contains(URI.create("https://rdf.example/a"));
    }

    @Test
    void readsRss091WithTheNetscapeDoctypeWithoutFetchingIt() {
        ParsedFeed feed = parse("valid/rss091-netscape.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        Entry entry = entry(feed, "Marking");
        assertThat(entry.title()).isEqualTo("Marking\u00A0feedback that works".replace('\u00A0', ' '));
        assertThat(entry.authors()).containsExactly("Ann Teacher");
        assertThat(entry.dateEstimated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid/latin1-labelled.xml", "valid/windows-1252.xml", "valid/utf16le-bom.xml",
            "valid/utf8-bom.xml", "valid/mislabelled-utf8.xml"})
    void decodesEveryEncodingWithoutMojibake(String fixture) {
        Entry entry = parse(fixture).entries().get(0);

        assertThat(entry.title()).isEqualTo("Café “thinking” — naïve €5");
        assertThat(entry.summary()).isEqualTo("Résumé of the ‘day’");
    }

    @Test
    void usesTheHttpCharsetWhenTheFeedDeclaresNone() {
        ParsedFeed feed = parser.parse(fixture("valid/no-declaration-latin1.xml"),
                new FeedContext(ANN, ANN.feed().uri(), Optional.of("iso-8859-1"), NOW, Map.of()));

        assertThat(feed.entries().get(0).title()).isEqualTo("Café crème");
    }

    @Test
    void aBadUtf8ByteBecomesAReplacementCharacter() {
        Entry entry = parse("valid/bad-utf8-byte.xml").entries().get(0);

        assertThat(entry.title()).isEqualTo("Café ok");
        assertThat(entry.summary()).isEqualTo("Bad byte here: \uFFFD done");
    }

    @Test
    void controlCharactersAreRemovedAndTheFeedStillReads() {
        ParsedFeed feed = parse("valid/control-characters.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.OK);
        assertThat(feed.entries().get(0).title()).isEqualTo("Bell and null[31m red");
        assertThat(feed.entries().get(0).summary()).isEqualTo("Formfeed back");
    }

    @Test
    void htmlNamedEntitiesAreUnderstood() {
        Entry entry = parse("valid/html-entities.xml").entries().get(0);

        assertThat(entry.title()).isEqualTo("Café culture — …");
        assertThat(entry.summary()).isEqualTo("x © y");
    }

    @Test
    void malformedXmlNamesTheLine() {
        ParsedFeed feed = parse("broken/unclosed.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.MALFORMED_XML);
        assertThat(feed.status().line()).isEqualTo(8);
        assertThat(feed.status().message()).startsWith("not well-formed XML at line 8: ").contains("description");
        assertThat(feed.entries()).isEmpty();
    }

    @Test
    void aTruncatedFeedIsMalformed() {
        ParsedFeed feed = parse("broken/truncated.xml");

        assertThat(feed.status().kind()).isEqualTo(Kind.MALFORMED_XML);
        assertThat(feed.status().message()).doesNotContain("Exception").doesNotContain("org.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken/empty.xml", "broken/whitespace.xml"})
    void anEmptyBodyIsEmpty(String fixture) {
        assertThat(parse(fixture).status().message()).isEqualTo("the feed is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken/html-page.html", "broken/html-page-no-doctype.html"})
    void aWebPageIsNotAFeedAndItsContentIsNotEchoed(String fixture) {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.status().kind()).isEqualTo(Kind.NOT_A_FEED);
        assertThat(feed.status().message()).isEqualTo("not a feed: this address returns a web page");
        assertThat(feed.status().format()).doesNotContain("SECRET-PAGE-CONTENT").doesNotContain("Welcome");
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken/json-feed.json", "broken/sitemap.xml"})
    void otherDocumentsAreNotFeeds(String fixture) {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.status().kind()).isEqualTo(Kind.NOT_A_FEED);
        assertThat(feed.status().message()).isEqualTo("not a feed: this address returns something that is neither RSS nor Atom");
    }

    @Test
    void aLocalTextFileIsNotEchoed() {
        byte[] secret = "root:x:0:0:root:/root:/bin/bash\nSECRET-LINE\n".getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(secret, FeedContext.of(ANN, NOW));

        assertThat(feed.status().kind()).isEqualTo(Kind.NOT_A_FEED);
        assertThat(feed.status().format()).doesNotContain("root").doesNotContain("SECRET");
    }

    @Test
    void keepsOnlyTheNewestEntriesOfAHugeFeed() {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Many</title>");
        for (int i = 0; i < 200; i++) {
            xml.append("<item><title>Post ").append(i).append("</title><guid>g").append(i)
                    .append("</guid><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(NOW.minusSeconds(3600L * i).atOffset(java.time.ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        xml.append("</channel></rss>");

        ParsedFeed feed = new FeedParser(Sanitizer.create(), 20).parse(xml.toString().getBytes(StandardCharsets.UTF_8),
                FeedContext.of(ANN, NOW));

        assertThat(feed.entries()).hasSize(20);
        assertThat(feed.entries().get(0).title()).isEqualTo("Post 0");
        assertThat(feed.entries().get(19).title()).isEqualTo("Post 19");
        assertThat(feed.firstSeen()).hasSize(20);
    }

    @Test
    void anExcerptOnlyMemberGetsNoFullContent() {
        ParsedFeed feed = parser.parse(fixture("valid/rss20.xml"), FeedContext.of(ANN.withExcerptOnly(true), NOW));

        assertThat(feed.entries()).allSatisfy(e -> assertThat(e.contentHtml()).isEmpty());
        assertThat(entry(feed, "TeachMeet").summary()).isEqualTo("Short version: talk is a tool.");
    }

    @Test
    void entriesWithoutGuidOrLinkGetAStableContentHash() {
        byte[] xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>No id</title><description>Body</description></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);

        String first = parser.parse(xml, FeedContext.of(ANN, NOW)).entries().get(0).id();
        String again = parser.parse(xml, FeedContext.of(ANN, NOW.plusSeconds(86400))).entries().get(0).id();

        assertThat(first).startsWith("urn:sha256:").isEqualTo(again);
    }

    @Test
    void anEntryKeepsItsLanguageFromXmlLangOrTheRssChannel() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="cy">
                  <title>Nodiadau</title><id>tag:ann.example,2025:cy</id><updated>2025-03-01T10:00:00Z</updated>
                  <link rel="alternate" href="https://ann.example/cy/"/>
                  <entry><title>Llafaredd</title><id>tag:ann.example,2025:a</id><updated>2025-03-01T10:00:00Z</updated>
                    <link rel="alternate" href="https://ann.example/cy/a/"/><content type="html">Testun</content></entry>
                  <entry xml:lang="en-GB"><title>Oracy</title><id>tag:ann.example,2025:b</id><updated>2025-03-02T10:00:00Z</updated>
                    <link rel="alternate" href="https://ann.example/b/"/><content type="html">Text</content></entry>
                </feed>
                """;
        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW));
        assertThat(entry(feed, "Llafaredd").language()).contains("cy");
        assertThat(entry(feed, "Oracy").language()).contains("en-GB");
        String rss = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>Nodiadau</title><link>https://ann.example/cy/</link>
                  <description>d</description><language>cy</language>
                  <item><title>Llafaredd</title><link>https://ann.example/cy/a/</link><guid>https://ann.example/cy/a/</guid>
                    <pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate><description>Testun</description></item>
                </channel></rss>
                """;
        assertThat(entry(parser.parse(rss.getBytes(StandardCharsets.UTF_8), FeedContext.of(ANN, NOW)), "Llafaredd")
                .language()).contains("cy");
        assertThat(entry(parse("valid/rss20.xml"), "TeachMeet").language()).isEmpty();
    }
}
