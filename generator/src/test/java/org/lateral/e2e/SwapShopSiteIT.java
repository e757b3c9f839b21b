package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * A teacher's own site with an offer, a request that has closed and a mentoring profile: the
 * labels, the site's swap-shop page, {@code community.json} and the links every feed gives to it;
 * a site without any of these writes neither file nor link; mistakes are positioned.
 */
class SwapShopSiteIT {

    static final Instant NOW = Instant.parse("2030-03-10T09:00:00Z");

    @TempDir
    Path tmp;

    static final String SITE = """
            -- site.yaml --
            title: Ann's CPD
            baseUrl: https://ann.example/cpd/
            language: en-GB
            timezone: Europe/London
            mentoring:
              offers: [behaviour, early career]
              seeks: [leadership]
              phase: secondary
              until: 2031-07-31
            -- content/posts/2030-03-01-oracy.md --
            ---
            title: I can run an oracy twilight
            tags: [oracy]
            offer:
              topics: [oracy, talk for writing]
              until: 2030-07-20
              phase: primary
              format: in-person
            ---
            Happy to visit.
            -- content/posts/2030-02-01-old.md --
            ---
            title: Looking for a retrieval buddy
            request:
              topics: [retrieval practice]
              until: 2030-03-01
            ---
            Closed now.
            -- content/posts/2030-02-20-plain.md --
            ---
            title: A plain reflection
            ---
            Nothing to swap.
            """;

    @Test
    void offersRequestsAndMentoringArePublishedAndLinkedFromEveryFeed() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");

        Document post = Jsoup.parse(out.resolve("2030/03/oracy/index.html").toFile(), "UTF-8");
        assertThat(post.selectFirst("h1 .badge.swap-offer").text()).isEqualTo("Offer");
        assertThat(post.selectFirst(".swap-details").text())
                .isEqualTo("Topics: oracy, talk for writing · Primary · In person · open until 20 July 2030");
        Document closed = Jsoup.parse(out.resolve("2030/02/old/index.html").toFile(), "UTF-8");
        assertThat(closed.selectFirst("h1 .badge.swap-request").text()).isEqualTo("Request"); // still a request

        Document shop = Jsoup.parse(out.resolve("swap-shop/index.html").toFile(), "UTF-8");
        assertThat(shop.select("#swap-offers + ul .p-name").eachText()).containsExactly("I can run an oracy twilight");
        assertThat(shop.select("#swap-requests")).isEmpty(); // the closed request is left out
        assertThat(shop.select("#mentoring dd").eachText())
                .containsExactly("behaviour, early career", "leadership", "Secondary", "31 July 2031");
        assertThat(shop.select("footer a[href*=swap-shop]")).hasSize(1);

        JsonNode json = new ObjectMapper().readTree(out.resolve("community.json").toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("site").asText()).isEqualTo("https://ann.example/cpd/");
        assertThat(json.get("swapShop").asText()).isEqualTo("https://ann.example/cpd/swap-shop/");
        assertThat(json.get("offers")).hasSize(1);
        JsonNode offer = json.get("offers").get(0);
        assertThat(offer.get("url").asText()).isEqualTo("https://ann.example/cpd/2030/03/oracy/");
        assertThat(offer.get("topics").toString()).isEqualTo("[\"oracy\",\"talk for writing\"]");
        assertThat(offer.get("until").asText()).isEqualTo("2030-07-20");
        assertThat(offer.get("phase").asText()).isEqualTo("primary");
        assertThat(offer.get("format").asText()).isEqualTo("in-person");
        assertThat(json.get("requests")).isEmpty();
        assertThat(json.get("mentoring").get("url").asText()).isEqualTo("https://ann.example/cpd/swap-shop/#mentoring");
        assertThat(json.get("mentoring").get("seeks").toString()).isEqualTo("[\"leadership\"]");

        String community = "https://ann.example/cpd/community.json";
        for (String feed : new String[] {"feed.xml", "tags/oracy/feed.xml"}) {
            Document atom = Jsoup.parse(Files.readString(out.resolve(feed)), "", Parser.xmlParser());
            assertThat(atom.selectFirst("feed > link[rel=related][type=application/vnd.lateral.community+json]")
                    .attr("href")).isEqualTo(community);
        }
        Document rss = Jsoup.parse(Files.readString(out.resolve("rss.xml")), "", Parser.xmlParser());
        assertThat(rss.selectFirst("channel > atom|link[rel=related]").attr("href")).isEqualTo(community);
        JsonNode jsonFeed = new ObjectMapper().readTree(out.resolve("feed.json").toFile());
        assertThat(jsonFeed.get("_lateral").get("community").asText()).isEqualTo(community);
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aSiteWithNothingToSwapWritesNoFileAndNoLink() throws Exception {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Plain
                baseUrl: https://plain.example/
                -- content/posts/2030-03-01-a.md --
                ---
                title: A
                ---
                Text.
                -- content/posts/2030-02-01-old.md --
                ---
                title: Closed request
                request: { topics: [oracy], until: 2030-01-01 }
                ---
                Closed.
                """);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");
        assertThat(out.resolve("community.json")).doesNotExist();
        assertThat(out.resolve("swap-shop")).doesNotExist();
        assertThat(Files.readString(out.resolve("feed.xml"))).doesNotContain("community");
        assertThat(Files.readString(out.resolve("feed.json"))).doesNotContain("_lateral");
    }

    @Test
    void disableKindsSwitchesTheSwapShopOff() throws Exception {
        Path site = TestSites.inline(tmp, SITE.replace("timezone: Europe/London", "timezone: Europe/London\ndisableKinds: [swapShop]"));
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");
        assertThat(out.resolve("community.json")).doesNotExist();
        assertThat(out.resolve("swap-shop")).doesNotExist();
        assertThat(Files.readString(out.resolve("feed.xml"))).doesNotContain("community.json");
    }

    @Test
    void mistakesAreNamedAtTheirLineWithAFix() {
        Path first = TestSites.inline(tmp, """
                -- site.yaml --
                title: Ann
                baseUrl: https://ann.example/
                mentoring:
                  offers: [behaviour]
                  phase: secondry
                -- content/posts/2030-03-01-a.md --
                ---
                title: A
                offer:
                  topics: [oracy]
                  phase: primry
                  until: next July
                ---
                Text.
                -- content/posts/2030-03-02-b.md --
                ---
                title: B
                offer: { topics: [oracy] }
                request: { topics: [oracy] }
                ---
                Text.
                """);
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.build(BuildRequest.of(first).withNow(NOW)));
        assertThat(e.problems()).extracting(Problem::format).anySatisfy(p -> assertThat(p)
                .startsWith("site.yaml:5:10: error: mentoring's phase \"secondry\" is not a phase; did you mean `secondary`?"));
        Path s2 = TestSites.inline(tmp.resolve("2"), """
                -- site.yaml --
                title: Ann
                baseUrl: https://ann.example/
                -- content/posts/2030-03-01-a.md --
                ---
                title: A
                offer:
                  topics: [oracy]
                  phase: primry
                  until: next July
                ---
                Text.
                -- content/posts/2030-03-02-b.md --
                ---
                title: B
                offer: { topics: [oracy] }
                request: { topics: [oracy] }
                ---
                Text.
                """);
        e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(s2).withNow(NOW)));
        assertThat(e.problems()).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith(Path.of("content/posts/2030-03-01-a.md")
                        + ":5:10: error: the offer's phase \"primry\" is not a phase; did you mean `primary`? — fix:"))
                .anySatisfy(p -> assertThat(p).startsWith(Path.of("content/posts/2030-03-01-a.md")
                        + ":6:10: error: the offer's until \"next July\" is not a date"))
                .anySatisfy(p -> assertThat(p).startsWith(Path.of("content/posts/2030-03-02-b.md")
                        + ":4:1: error: a post can be an offer or a request, not both"));
    }
}
