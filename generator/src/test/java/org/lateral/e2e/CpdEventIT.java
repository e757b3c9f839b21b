package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.CpdRequest;
import org.lateral.CpdResult;
import org.lateral.Lateral;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * An attended event carries a {@code cpd:} record: it counts in the record (dated by its start,
 * linked to its page), and a private one is never published. Hand sums for 2024-25: the post's
 * 1.5 hours and the TeachMeet's 2 hours make 3.5 published; the private event adds 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CpdEventIT {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final String SITE = """
            -- site.yaml --
            title: Mr Okafor's CPD
            baseUrl: https://okafor.example.org/
            language: en-GB
            timezone: Europe/London
            academicYearStart: 9
            cpd:
              standards: teachers-standards-england
              hoursGoal: 35
            -- content/posts/2024-10-02-reading-rosenshine.md --
            ---
            title: "Reading: Rosenshine's principles"
            date: 2024-10-02
            tags: [reading]
            cpd:
              hours: 1.5
              type: reading
              standards: [TS4]
            ---
            Notes on the ten principles.
            -- content/events/2024-11-14-teachmeet-north.md --
            ---
            title: "TeachMeet North: oracy"
            start: 2024-11-14 16:30
            end: 18:30
            location: "Library, Northfield Academy"
            tags: [teachmeet]
            cpd:
              hours: 2
              type: teachmeet
              standards: [TS4, TS8]
              impact: "I now use talk partners in Year 9."
            ---
            Seven-minute talks about talk.
            -- content/events/2024-12-03-capability-zqv.md --
            ---
            title: "Meeting with Quillonfrax about my capability"
            start: 2024-12-03 15:30
            end: 16:30
            location: "Room Xyzzyplugh"
            tags: [teachmeet]
            cpd:
              hours: 1
              type: mentoring
              standards: [TS8]
              impact: "Wobblethorpe plan agreed."
              private: true
            ---
            Notes about Frumiousbandersnatch, never to be published.
            """;

    Path site;
    Path out;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = TestSites.inline(tmp, SITE);
        out = tmp.resolve("out");
        Lateral.build(BuildRequest.of(site).withOutput(out).withNow(NOW));
    }

    @Test
    void theEventIsARowOfTheCsvWithItsStartAndPage() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("cpd/2024-25.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines).contains("2024-11-14,TeachMeet North: oracy,teachmeet,2,TS4; TS8,"
                + "I now use talk partners in Year 9.,,https://okafor.example.org/events/2024/teachmeet-north/");
        JsonNode j = new ObjectMapper().readTree(out.resolve("cpd/2024-25.json").toFile());
        assertThat(j.get("totalHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(j.get("hoursByType").get("teachmeet").decimalValue()).isEqualByComparingTo("2");
        assertThat(j.get("activities")).hasSize(2);
    }

    @Test
    void theRecordPageListsTheEventLinkedToItsPage() {
        Document d = Html.page(out, "cpd/index.html");
        Element y25 = d.getElementById("year-2024-25").parent();
        assertThat(y25.selectFirst(".cpd-total").text()).startsWith("3.5 hours of professional learning in 2 activities");
        Element meet = y25.select(".cpd-activity").stream()
                .filter(a -> a.selectFirst("h4").text().equals("TeachMeet North: oracy")).findFirst().orElseThrow();
        assertThat(meet.selectFirst("a").attr("href")).isEqualTo("../events/2024/teachmeet-north/index.html");
        assertThat(meet.selectFirst("time").attr("datetime")).isEqualTo("2024-11-14");
        assertThat(meet.selectFirst(".meta").text()).contains("teachmeet", "2 h", "TS4, TS8");
    }

    @Test
    void theEventPageShowsItsRecordAsAPostDoes() {
        Document d = Html.page(out, "events/2024/teachmeet-north/index.html");
        Element aside = d.selectFirst("article.h-event aside.cpd-entry");
        assertThat(aside).isNotNull();
        assertThat(aside.select("dd").eachText()).contains("teachmeet", "2", "I now use talk partners in Year 9.");
        assertThat(aside.selectFirst("a[href$=cpd/index.html]")).isNotNull();
        Document post = Html.page(out, "2024/10/reading-rosenshine/index.html");
        assertThat(post.selectFirst("aside.cpd-entry dd").text()).isEqualTo("reading");
    }

    @Test
    void aPrivateEventAppearsNowhereInTheOutput() throws IOException {
        List<String> secrets = List.of("Quillonfrax", "Xyzzyplugh", "Wobblethorpe", "Frumiousbandersnatch",
                "capability-zqv", "capability");
        List<String> found = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                String path = out.relativize(f).toString();
                if (path.endsWith(".ics") || path.startsWith("events")) {
                    calendars.add(path);
                }
                for (String s : secrets) {
                    if (text.toLowerCase().contains(s.toLowerCase()) || path.toLowerCase().contains(s.toLowerCase())) {
                        found.add(path + " holds " + s);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
        // the calendars and the events feed were written (and checked above): the public event is in them
        assertThat(calendars).contains("events/calendar.ics", "events/feed.xml", "tags/teachmeet/calendar.ics");
        assertThat(TestSites.read(out.resolve("events/calendar.ics"))).contains("TeachMeet North");
    }

    @Test
    void thePrivateEventIsCountedOnlyWhenAskedFor() {
        CpdResult all = Lateral.cpd(CpdRequest.of(site).withNow(NOW).withPrivate(true).withFormat("csv")
                .withYear("2024-25"));
        assertThat(all.year().get().hoursText()).isEqualTo("4.5");
        assertThat(new String(all.bytes(), StandardCharsets.UTF_8))
                .contains("2024-12-03,Meeting with Quillonfrax about my capability,mentoring,1,TS8,");
        assertThat(all.warnings()).isEmpty();
    }

    @Test
    void pagesAreValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }
}
