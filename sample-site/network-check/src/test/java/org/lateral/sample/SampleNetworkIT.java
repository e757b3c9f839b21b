package org.lateral.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The sample network as built by the reactor: every member's newest post, read from the member's
 * own {@code feed.xml}, is on the hub — on the river and on the member's page. No titles are
 * written down here, so the check stays true as the sample content changes.
 */
class SampleNetworkIT {

    static final Path NETWORK = Path.of(System.getProperty("sampleNetwork", "..")).toAbsolutePath().normalize();
    static final Path HUB = NETWORK.resolve("hub/target/site-output");

    /** One member as the hub's report names them, and the newest entry of their own feed. */
    record Latest(String memberId, String feed, String title, String link) {
    }

    static List<Latest> latestOfEveryMember() throws IOException {
        JsonNode report = new ObjectMapper().readTree(HUB.resolve("health/report.json").toFile());
        List<Latest> out = new ArrayList<>();
        for (JsonNode s : report.path("subscriptions")) {
            Path feed = NETWORK.resolve("hub").resolve(s.path("feed").asText()).normalize();
            Document atom = Jsoup.parse(Files.readString(feed), "", Parser.xmlParser());
            Element newest = atom.select("entry").stream()
                    .max(Comparator.comparing((Element e) -> OffsetDateTime.parse(e.selectFirst("published").text())))
                    .orElseThrow(() -> new AssertionError(feed + " has no entries"));
            out.add(new Latest(s.path("member").asText(), feed.toString(), newest.selectFirst("title").text(),
                    newest.selectFirst("link[rel=alternate]").attr("href")));
        }
        return out;
    }

    static List<Element> riverEntries() throws IOException {
        List<Element> entries = new ArrayList<>();
        for (int n = 1; ; n++) {
            Path page = HUB.resolve(n == 1 ? "index.html" : "page/" + n + "/index.html");
            if (!Files.isRegularFile(page)) {
                return entries;
            }
            entries.addAll(Jsoup.parse(page.toFile(), "UTF-8").select("article.hub-entry"));
        }
    }

    @Test
    void everyMemberSiteWasReadAndTheHubWasBuilt() throws IOException {
        JsonNode report = new ObjectMapper().readTree(HUB.resolve("health/report.json").toFile());
        assertThat(report.path("feeds").asInt()).isEqualTo(5); // the primary blog's Welsh side has its own
        assertThat(report.path("failed").asInt()).as("feeds the hub could not read").isZero();
        for (JsonNode s : report.path("subscriptions")) {
            assertThat(NETWORK.resolve("hub").resolve(s.path("feed").asText()).normalize()).as("a member's own feed")
                    .startsWith(NETWORK).exists();
        }
    }

    @Test
    void theRiverHoldsEveryMembersLatestPost() throws IOException {
        List<Element> river = riverEntries();
        for (Latest latest : latestOfEveryMember()) {
            assertThat(river).as(latest.memberId() + "'s latest post \"" + latest.title() + "\" on the river")
                    .anySatisfy(e -> {
                        assertThat(e.selectFirst("h2 a, h3 a").attr("href")).isEqualTo(latest.link());
                        assertThat(e.selectFirst("h2, h3").text()).isEqualTo(latest.title());
                    });
        }
    }

    @Test
    void eachMembersPageStartsWithTheirLatestPost() throws IOException {
        for (Latest latest : latestOfEveryMember()) {
            Document page = Jsoup.parse(HUB.resolve("members/" + latest.memberId() + "/index.html").toFile(), "UTF-8");
            Element first = page.selectFirst("article.hub-entry");
            assertThat(first).as(latest.memberId()).isNotNull();
            assertThat(first.selectFirst("h3 a").attr("href")).as(latest.memberId()).isEqualTo(latest.link());
            assertThat(first.selectFirst("h3").text()).as(latest.memberId()).isEqualTo(latest.title());
        }
    }

    @Test
    void theHubPublishesItsFeedsBlogrollAndHealthPage() throws IOException {
        for (String file : List.of("feed.xml", "rss.xml", "feed.json", "blogroll.opml", "health/index.html",
                "digest/index.html", "digest/email.html", "members/index.html", "about/index.html", "join/index.html")) {
            assertThat(HUB.resolve(file)).as(file).isRegularFile();
        }
        Document opml = Jsoup.parse(Files.readString(HUB.resolve("blogroll.opml")), "", Parser.xmlParser());
        assertThat(opml.select("outline")).hasSize(5);
        assertThat(opml.select("outline").eachAttr("xmlUrl")).allMatch(u -> u.startsWith("https://"));
    }

    @Test
    void theHubShowsTheNetworkCalendarFromTheMembersCalendars() throws IOException {
        org.jsoup.nodes.Document events = org.jsoup.Jsoup.parse(HUB.resolve("events/index.html").toFile(), "UTF-8");
        assertThat(events.select(".h-event .p-name").eachText()).contains(
                "TeachMeet Cwm Valley, autumn 2026: questions worth asking", "INSET day: checking for understanding");
        String ics = java.nio.file.Files.readString(HUB.resolve("events/calendar.ics"));
        assertThat(ics).contains("UID:2026-11-26-teachmeet-cwm-valley@blogs.cwmvalley.example\r\n")
                .contains("UID:2027-01-04-inset-day@cpd.cwmeithin-high.example\r\n");
    }

    @Test
    void theTeachersOffersRequestsAndMentoringReachTheHubThroughTheirFeeds() throws IOException {
        org.jsoup.nodes.Document shop = org.jsoup.Jsoup.parse(HUB.resolve("swap-shop/index.html").toFile(), "UTF-8");
        assertThat(shop.select(".swap-topic h2").eachText()).contains("Oracy", "Questioning", "Retrieval practice");
        assertThat(shop.select(".swap-list > li > a:first-child").eachText()).contains(
                "Offer: a talk-roles twilight for your staff",
                "Request: could someone watch my Year 10 retrieval starters?",
                "Offer: lesson study open doors in the science department");
        org.jsoup.nodes.Document mentoring = org.jsoup.Jsoup.parse(HUB.resolve("mentoring/index.html").toFile(), "UTF-8");
        assertThat(mentoring.select(".mentoring-card h3").eachText())
                .containsExactly("Siân Prydderch", "Llŷr Hopkin", "Zoë Adeyemi");
        assertThat(mentoring.select(".mentoring-pair").eachText())
                .anySatisfy(p -> assertThat(p).startsWith("Llŷr Hopkin could mentor Zoë Adeyemi in Questioning"));
        assertThat(NETWORK.resolve("blog-primary/target/site-output/community.json")).isRegularFile();
        assertThat(NETWORK.resolve("blog-primary/target/site-output/swap-shop/index.html")).isRegularFile();
    }

    @Test
    void teachersKeepRecordsAndTheSchoolShowsItsStaffProgramme() throws IOException {
        for (String member : List.of("blog-nqt", "blog-primary", "blog-science")) {
            Path out = NETWORK.resolve(member + "/target/site-output");
            Document cpd = Jsoup.parse(out.resolve("cpd/index.html").toFile(), "UTF-8");
            assertThat(cpd.selectFirst("h1").text()).as(member).isEqualTo("My professional learning");
            assertThat(cpd.selectFirst(".meta").text()).as(member)
                    .isEqualTo("Standards: Professional standards for teaching and leadership (Wales)");
            assertThat(cpd.select("svg.cpd-chart title")).as(member).isNotEmpty();
            assertThat(cpd.select(".cpd-exports a").eachAttr("href")).as(member).anyMatch(h -> h.endsWith(".csv"));
        }
        Document school = Jsoup.parse(NETWORK.resolve("school/target/site-output/cpd/index.html").toFile(), "UTF-8");
        assertThat(school.selectFirst("h1").text()).isEqualTo("Staff CPD programme");
        assertThat(school.select("table.cpd-table caption").eachText()).contains("Hours by standard, 2025-26");
    }

    @Test
    void aTeachersPrivateRecordReachesNeitherHerSiteNorTheHub() throws IOException {
        for (Path out : List.of(NETWORK.resolve("blog-nqt/target/site-output"), HUB)) {
            try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(text).as(f.toString()).doesNotContain("Mentor meeting: my targets")
                            .doesNotContain("mentor-meeting-targets");
                }
            }
        }
    }
}
