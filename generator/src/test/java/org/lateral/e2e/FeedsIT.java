package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.testing.TestSites;

/**
 * The feeds of a project site ({@code baseUrl} with a path), read back as a feed reader would:
 * Rome for Atom and RSS, Jackson for JSON Feed.
 */
class FeedsIT {

    static final String SITE = """
            -- site.yaml --
            title: "Ms Rahman's CPD journal"
            description: What I am trying in my classroom.
            baseUrl: https://example.org/cpd/
            language: en-GB
            timezone: Europe/London
            authors:
              arahman:
                name: Aisha Rahman
                bio: Teaches English.
              bjones:
                name: Ben Jones
            -- content/posts/oracy-project/index.md --
            ---
            title: Oracy project, week one
            date: 2024-03-05 16:00
            updated: 2024-03-09
            authors: [arahman]
            tags: [Oracy, Talk]
            categories: [Projects]
            image: photo.jpg
            ---
            We started with talk partners.

            ![Pupils in talk partners](photo.jpg)

            See [the plan](plan.pdf), [my notes](../../02/hostile/), [the home page](/cpd/) and
            [a footnote](#fn).
            -- content/posts/oracy-project/photo.jpg --
            a stand-in for a photograph of thirty-two bytes.
            -- content/posts/2024-02-01-hostile.md --
            ---
            title: "<b>Bold</b> & \\"quotes\\" \\x07 ]]> </title>"
            authors: [bjones]
            tags: [Oracy]
            ---
            Control characters: bell \u0007, escape \u001B, vertical tab \u000B and null-ish \u0001 done.
            <!--more-->
            The rest, with a <a href="notes.html">relative link</a>.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About me.
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path build(String spec) {
        Path site = TestSites.withRealPictures(TestSites.inline(tmp, spec));
        org.lateral.Lateral.build(org.lateral.BuildRequest.of(site));
        return site.resolve("public");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Feed atom(Path file) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(read(file)));
    }

    static Channel rss(Path file) throws Exception {
        return (Channel) new WireFeedInput().build(new StringReader(read(file)));
    }

    static SyndFeed reader(Path file) throws Exception {
        return new SyndFeedInput().build(new StringReader(read(file)));
    }

    static List<Path> files(Path out, String name) {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL in an HTML fragment. */
    static List<String> urls(String html) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).select("[href], [src]")) {
            out.add(e.hasAttr("href") ? e.attr("href") : e.attr("src"));
        }
        return out;
    }

    @Test
    void writesAtomRssAndJsonForTheSiteEveryTermAndEveryAuthor() {
        Path out = build(SITE);
        for (String dir : List.of("", "tags/oracy/", "tags/talk/", "categories/projects/", "authors/arahman/",
                "authors/bjones/")) {
            assertThat(out.resolve(dir + "feed.xml")).as(dir).isRegularFile();
            assertThat(out.resolve(dir + "rss.xml")).as(dir).isRegularFile();
            assertThat(out.resolve(dir + "feed.json")).as(dir).isRegularFile();
        }
    }

    @Test
    void everyAtomFeedHasTheElementsTheSpecRequires() throws Exception {
        Path out = build(SITE);
        List<Path> feeds = files(out, "feed.xml");
        assertThat(feeds).hasSize(6);
        for (Path f : feeds) {
            Feed feed = atom(f);
            String self = "https://example.org/cpd/" + out.relativize(f).toString().replace('\\', '/');
            assertThat(feed.getId()).as(f.toString()).startsWith("https://example.org/cpd/");
            assertThat(feed.getTitle()).isNotBlank();
            assertThat(feed.getUpdated()).isNotNull();
            assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(Link::getHref)
                    .containsExactly(self);
            assertThat(feed.getEntries()).isNotEmpty();
            for (Entry e : feed.getEntries()) {
                assertThat(e.getId()).startsWith("tag:example.org,2024-");
                assertThat(e.getTitle()).isNotBlank();
                assertThat(e.getUpdated()).isNotNull();
                assertThat(e.getAuthors()).isNotEmpty();
                assertThat(e.getAlternateLinks()).singleElement()
                        .satisfies(l -> assertThat(l.getHref()).startsWith("https://example.org/cpd/2024/"));
            }
        }
    }

    @Test
    void everyRssFeedHasTheElementsTheSpecRequires() throws Exception {
        Path out = build(SITE);
        List<Path> feeds = files(out, "rss.xml");
        assertThat(feeds).hasSize(6);
        for (Path f : feeds) {
            Channel c = rss(f);
            assertThat(c.getTitle()).as(f.toString()).isNotBlank();
            assertThat(c.getLink()).startsWith("https://example.org/cpd/");
            assertThat(c.getDescription()).isNotBlank();
            for (Item i : c.getItems()) {
                assertThat(i.getGuid().getValue()).startsWith("tag:example.org,");
                assertThat(i.getGuid().isPermaLink()).isFalse();
                assertThat(i.getTitle()).isNotBlank();
            }
        }
    }

    @Test
    void everyJsonFeedHasTheElementsTheSpecRequires() throws Exception {
        Path out = build(SITE);
        List<Path> feeds = files(out, "feed.json");
        assertThat(feeds).hasSize(6);
        for (Path f : feeds) {
            JsonNode feed = JSON.readTree(read(f));
            assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(feed.path("title").asText()).isNotBlank();
            assertThat(feed.path("feed_url").asText())
                    .isEqualTo("https://example.org/cpd/" + out.relativize(f).toString().replace('\\', '/'));
            assertThat(feed.path("items")).isNotEmpty();
            for (JsonNode item : feed.path("items")) {
                assertThat(item.path("id").asText()).startsWith("tag:example.org,");
                assertThat(item.path("content_html").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aFeedReaderSeesTheWholePostWithAbsoluteUrlsAuthorDatesCategoriesAndImage() throws Exception {
        Path out = build(SITE);
        SyndFeed feed = reader(out.resolve("feed.xml"));
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Oracy project, week one", "<b>Bold</b> & \"quotes\"  ]]> </title>");
        SyndEntry post = feed.getEntries().get(0);
        assertThat(post.getLink()).isEqualTo("https://example.org/cpd/2024/03/oracy-project/");
        assertThat(post.getAuthors()).extracting(a -> a.getName()).containsExactly("Aisha Rahman");
        assertThat(post.getPublishedDate().toInstant()).hasToString("2024-03-05T16:00:00Z");
        assertThat(post.getUpdatedDate().toInstant()).hasToString("2024-03-09T00:00:00Z");
        assertThat(post.getCategories()).extracting(c -> c.getName()).containsExactly("Projects", "Oracy", "Talk");
        String html = post.getContents().get(0).getValue();
        assertThat(html).contains("We started with talk partners.", "Pupils in talk partners", "a footnote");
        assertThat(urls(html)).containsExactly(
                "https://example.org/cpd/2024/03/oracy-project/photo.jpg",
                "https://example.org/cpd/2024/03/oracy-project/plan.pdf",
                "https://example.org/cpd/2024/02/hostile/",
                "https://example.org/cpd/",
                "https://example.org/cpd/2024/03/oracy-project/#fn");
        assertThat(post.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo("https://example.org/cpd/2024/03/oracy-project/photo.jpg");
            assertThat(e.getType()).isEqualTo("image/jpeg");
            assertThat(e.getLength()).isEqualTo(Files.size(out.resolve("2024/03/oracy-project/photo.jpg")));
        });
    }

    @Test
    void everyUrlInEveryFeedIsAbsolute() throws Exception {
        Path out = build(SITE);
        for (Path f : files(out, "feed.xml")) {
            for (Entry e : atom(f).getEntries()) {
                e.getContents().forEach(c -> assertThat(urls(c.getValue())).allMatch(u -> u.startsWith("https://")));
                assertThat(urls(e.getSummary().getValue())).allMatch(u -> u.startsWith("https://"));
            }
        }
        for (Path f : files(out, "rss.xml")) {
            for (Item i : rss(f).getItems()) {
                assertThat(urls(i.getContent().getValue())).allMatch(u -> u.startsWith("https://"));
                assertThat(urls(i.getDescription().getValue())).allMatch(u -> u.startsWith("https://"));
            }
        }
        for (Path f : files(out, "feed.json")) {
            for (JsonNode item : JSON.readTree(read(f)).path("items")) {
                assertThat(urls(item.path("content_html").asText())).allMatch(u -> u.startsWith("https://"));
                assertThat(item.path("url").asText()).startsWith("https://example.org/cpd/");
            }
        }
    }

    @Test
    void hostileTitlesAndControlCharactersLeaveEveryFeedWellFormed() throws Exception {
        Path out = build(SITE);
        String body = "Control characters: bell , escape , vertical tab  and null-ish  done.";
        SyndEntry atomEntry = reader(out.resolve("feed.xml")).getEntries().get(1);
        assertThat(atomEntry.getContents().get(0).getValue()).contains(body).contains("https://example.org/cpd/2024/02/hostile/notes.html");
        SyndEntry rssEntry = reader(out.resolve("rss.xml")).getEntries().get(1);
        assertThat(rssEntry.getTitle()).isEqualTo("<b>Bold</b> & \"quotes\"  ]]> </title>");
        assertThat(rssEntry.getContents().get(0).getValue()).contains(body);
        JsonNode item = JSON.readTree(read(out.resolve("feed.json"))).path("items").get(1);
        assertThat(item.path("title").asText()).isEqualTo("<b>Bold</b> & \"quotes\"  ]]> </title>");
        assertThat(item.path("content_html").asText()).contains(body);
        for (Path f : files(out, "feed.xml")) {
            assertThat(read(f)).doesNotContain("\u0007", "\u001B", "\u0001", "\u000B");
        }
    }

    @Test
    void termAndAuthorFeedsHoldTheirOwnPosts() throws Exception {
        Path out = build(SITE);
        Map<String, List<String>> titles = new LinkedHashMap<>();
        for (String dir : List.of("tags/oracy/", "tags/talk/", "categories/projects/", "authors/arahman/",
                "authors/bjones/")) {
            titles.put(dir, reader(out.resolve(dir + "feed.xml")).getEntries().stream().map(SyndEntry::getTitle)
                    .map(t -> t.startsWith("<b>") ? "hostile" : t).toList());
        }
        assertThat(titles).containsExactly(
                Map.entry("tags/oracy/", List.of("Oracy project, week one", "hostile")),
                Map.entry("tags/talk/", List.of("Oracy project, week one")),
                Map.entry("categories/projects/", List.of("Oracy project, week one")),
                Map.entry("authors/arahman/", List.of("Oracy project, week one")),
                Map.entry("authors/bjones/", List.of("hostile")));
        Feed tag = atom(out.resolve("tags/oracy/feed.xml"));
        assertThat(tag.getTitle()).isEqualTo("Oracy · Ms Rahman's CPD journal");
        assertThat(tag.getAlternateLinks().get(0).getHref()).isEqualTo("https://example.org/cpd/tags/oracy/");
        assertThat(JSON.readTree(read(out.resolve("authors/arahman/feed.json"))).path("home_page_url").asText())
                .isEqualTo("https://example.org/cpd/authors/arahman/");
    }

    @Test
    void idsDoNotChangeWhenAPostsTitleChanges() throws Exception {
        Path out = build(SITE);
        List<String> before = atom(out.resolve("feed.xml")).getEntries().stream().map(Entry::getId).toList();
        String json = JSON.readTree(read(out.resolve("feed.json"))).path("items").get(0).path("id").asText();
        String guid = rss(out.resolve("rss.xml")).getItems().get(0).getGuid().getValue();

        Path post = tmp.resolve("site/content/posts/oracy-project/index.md");
        Files.writeString(post, read(post).replace("title: Oracy project, week one", "title: \"Talk partners: week one\""));
        Lateral.build(BuildRequest.of(tmp.resolve("site")));

        Feed after = atom(out.resolve("feed.xml"));
        assertThat(after.getEntries().get(0).getTitle()).isEqualTo("Talk partners: week one");
        assertThat(after.getEntries()).extracting(Entry::getId).isEqualTo(before);
        assertThat(before.get(0)).isEqualTo("tag:example.org,2024-03-05:/cpd/posts/oracy-project");
        assertThat(json).isEqualTo(before.get(0));
        assertThat(guid).isEqualTo(before.get(0));
    }

    @Test
    void theHubReadsEveryAtomAndRssFeedWeWrite() throws Exception {
        Path out = build(SITE);
        org.lateral.aggregate.parse.FeedParser hub =
                new org.lateral.aggregate.parse.FeedParser(org.lateral.safety.Sanitizer.create(), 50);
        List<Path> feeds = new ArrayList<>(files(out, "feed.xml"));
        feeds.addAll(files(out, "rss.xml"));
        for (Path f : feeds) {
            org.lateral.aggregate.Subscription member = org.lateral.aggregate.Subscription.of("Aisha Rahman",
                    new org.lateral.aggregate.FeedLocation.Local(f));
            org.lateral.aggregate.parse.ParsedFeed parsed = hub.parse(Files.readAllBytes(f),
                    org.lateral.aggregate.parse.FeedContext.of(member, java.time.Instant.parse("2024-04-01T00:00:00Z")));
            assertThat(parsed.status().isSuccess()).as(f + ": " + parsed.status().format()).isTrue();
            List<String> ids = reader(f).getEntries().stream().map(SyndEntry::getUri).toList();
            assertThat(parsed.entries()).as(f.toString()).extracting(org.lateral.aggregate.Entry::id)
                    .containsExactlyElementsOf(ids);
            for (org.lateral.aggregate.Entry e : parsed.entries()) {
                assertThat(e.link()).hasValueSatisfying(l -> assertThat(l.toString()).startsWith("https://example.org/cpd/"));
                assertThat(e.dateEstimated()).isFalse();
                assertThat(e.contentHtml()).isNotBlank();
            }
        }
        org.lateral.aggregate.Entry post = hub.parse(Files.readAllBytes(out.resolve("feed.xml")),
                org.lateral.aggregate.parse.FeedContext.of(org.lateral.aggregate.Subscription.of("Aisha Rahman",
                        new org.lateral.aggregate.FeedLocation.Local(out.resolve("feed.xml"))),
                        java.time.Instant.parse("2024-04-01T00:00:00Z"))).entries().get(0);
        assertThat(post.title()).isEqualTo("Oracy project, week one");
        assertThat(post.authors()).containsExactly("Aisha Rahman");
        assertThat(post.contentHtml()).contains("https://example.org/cpd/2024/03/oracy-project/photo.jpg");
    }

    @Test
    void aPostInAnotherLanguageSaysSoInAtomAndJsonFeed() throws Exception {
        Path out = build("""
                -- site.yaml --
                title: Ysgol y Cwm
                baseUrl: https://example.org/
                language: en-GB
                -- content/posts/dysgu.md --
                ---
                title: Dysgu Cymraeg
                date: 2024-03-01
                lang: cy
                ---
                Helo.
                """);
        org.jsoup.nodes.Document xml = Jsoup.parse(read(out.resolve("feed.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(xml.select("feed").attr("xml:lang")).isEqualTo("en-GB");
        assertThat(xml.select("entry").attr("xml:lang")).isEqualTo("cy");
        assertThat(JSON.readTree(read(out.resolve("feed.json"))).path("items").get(0).path("language").asText())
                .isEqualTo("cy");
    }

    @Test
    void excerptModeCarriesSummariesOnly() throws Exception {
        Path out = build(SITE.replace("language: en-GB", "language: en-GB\nfeeds:\n  full: false\n  entries: 1"));
        Feed feed = atom(out.resolve("feed.xml"));
        assertThat(feed.getEntries()).singleElement().satisfies(e -> {
            assertThat(e.getContents()).isEmpty();
            assertThat(e.getSummary().getValue()).contains("We started with talk partners.")
                    .doesNotContain("Pupils in talk partners");
        });
        Item item = rss(out.resolve("rss.xml")).getItems().get(0);
        assertThat(item.getContent()).isNull();
        assertThat(item.getDescription().getValue()).contains("We started with talk partners.");
        JsonNode json = JSON.readTree(read(out.resolve("feed.json")));
        assertThat(json.path("items")).hasSize(1);
        assertThat(json.path("items").get(0).path("content_html").asText())
                .contains("We started with talk partners.").doesNotContain("Pupils in talk partners");
    }
}
