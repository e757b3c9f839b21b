package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * Events end to end (the {@code events} fixture, built on 1 June 2030): a mixed-attendance
 * TeachMeet with a programme and a write-up, a learning round just after the clocks go forward, a
 * journal club across the night they go back, two all-day INSET days, and a cancelled TeachMeet.
 * Every calendar is read back and validated with ical4j.
 */
class EventsIT {

    static final Instant BUILT = Instant.parse("2030-06-01T12:00:00Z");

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() {
        Path site = TestSites.fixture("events", tmp);
        Lateral.build(BuildRequest.of(site).withNow(BUILT));
        out = site.resolve("public");
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    static Calendar calendar(String path) throws Exception {
        byte[] bytes = Files.readAllBytes(out.resolve(path));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        for (String line : text.split("\r\n", -1)) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets in: " + line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
        }
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        ValidationResult result = cal.validate();
        assertThat(result.getEntries()).as(path).isEmpty();
        return cal;
    }

    static VEvent only(Calendar cal) {
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name).map(p -> p.getValue()).orElse("");
    }

    @Test
    void everyCalendarIsValidRfc5545() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
        }
        assertThat(files.stream().map(p -> out.relativize(p).toString().replace('\\', '/'))).contains(
                "events/calendar.ics", "events/2030/teachmeet-cwm/teachmeet-cwm.ics", "tags/teachmeet/calendar.ics",
                "events/2030/inset/inset.ics");
        for (Path f : files) {
            calendar(out.relativize(f).toString());
        }
        Calendar site = calendar("events/calendar.ics");
        List<VEvent> all = site.getComponents("VEVENT");
        assertThat(all).extracting(e -> prop(e, "UID")).containsExactly(
                "2030-03-14-teachmeet-cwm@teachmeets.example.org", "2030-03-31-learning-round@teachmeets.example.org",
                "2030-07-10-teachmeet-summer@teachmeets.example.org", "2030-09-02-inset@teachmeets.example.org",
                "2030-10-27-journal-club@teachmeets.example.org");
        assertThat(site.getProperty("X-WR-CALNAME").get().getValue()).isEqualTo("Cwm Valley TeachMeets");
        List<VEvent> teachmeets = calendar("tags/teachmeet/calendar.ics").getComponents("VEVENT");
        assertThat(teachmeets).extracting(e -> prop(e, "SUMMARY")).containsExactly(
                "TeachMeet Cwm Valley: oracy across the curriculum", "Summer TeachMeet");
    }

    @Test
    void timesAreRightAcrossBothClockChanges() throws Exception {
        VEvent teachmeet = only(calendar("events/2030/teachmeet-cwm/teachmeet-cwm.ics"));
        assertThat(prop(teachmeet, "DTSTART")).isEqualTo("20300314T163000Z"); // GMT
        assertThat(prop(teachmeet, "DTEND")).isEqualTo("20300314T183000Z");
        VEvent round = only(calendar("events/2030/learning-round/learning-round.ics"));
        assertThat(prop(round, "DTSTART")).isEqualTo("20300331T013000Z"); // 02:30 BST, the clocks went forward at 01:00
        assertThat(prop(round, "DTEND")).isEqualTo("20300331T023000Z");
        VEvent club = only(calendar("events/2030/journal-club/journal-club.ics"));
        assertThat(prop(club, "DTSTART")).isEqualTo("20301027T013000Z"); // the second 01:30, in GMT
        assertThat(prop(club, "DTEND")).isEqualTo("20301027T033000Z"); // two hours later, whatever the clocks say
        assertThat(page("events/2030/learning-round/index.html").selectFirst(".h-event .dt-start").attr("datetime"))
                .isEqualTo("2030-03-31T02:30:00+01:00");
        assertThat(page("events/2030/journal-club/index.html").selectFirst(".h-event .dt-start").attr("datetime"))
                .isEqualTo("2030-10-27T01:30:00Z");
    }

    @Test
    void anInsetDayIsAllDayWithTheExclusiveEnd() throws Exception {
        VEvent inset = only(calendar("events/2030/inset/inset.ics"));
        assertThat(inset.getProperty("DTSTART").get().toString()).startsWith("DTSTART;VALUE=DATE:20300902");
        assertThat(inset.getProperty("DTEND").get().toString()).startsWith("DTEND;VALUE=DATE:20300904");
        Document d = page("events/2030/inset/index.html");
        assertThat(d.selectFirst(".h-event .dt-start").text())
                .isEqualTo("Monday, 2 September 2030 to Tuesday, 3 September 2030");
        assertThat(d.selectFirst(".h-event .dt-start").attr("datetime")).isEqualTo("2030-09-02");
        JsonNode ld = jsonLd(d);
        assertThat(ld.get("startDate").asText()).isEqualTo("2030-09-02");
        assertThat(ld.get("endDate").asText()).isEqualTo("2030-09-03");
    }

    @Test
    void theMixedTeachMeetPageHasEverything() throws Exception {
        Document d = page("events/2030/teachmeet-cwm/index.html");
        Element ev = d.selectFirst("article.h-event");
        assertThat(ev.selectFirst(".p-name").text()).isEqualTo("TeachMeet Cwm Valley: oracy across the curriculum");
        assertThat(ev.selectFirst(".dt-start").text()).isEqualTo("Thursday, 14 March 2030, 16:30 to 18:30");
        assertThat(ev.selectFirst(".dt-start").attr("datetime")).isEqualTo("2030-03-14T16:30:00Z");
        assertThat(ev.selectFirst(".dt-end").attr("value")).isEqualTo("2030-03-14T18:30:00Z");
        assertThat(ev.selectFirst(".p-location").text()).startsWith("Library, Cwm Eithin High School");
        assertThat(ev.selectFirst("a.event-online").attr("href")).isEqualTo("https://meet.example.org/teachmeet-cwm");
        assertThat(ev.selectFirst("a.event-signup").attr("href")).isEqualTo("https://forms.example.org/teachmeet-cwm");
        assertThat(ev.select(".p-organizer").eachText()).containsExactly("Llŷr Evans");
        assertThat(ev.select(".programme-items li")).hasSize(3);
        assertThat(ev.select(".programme-items li").get(0).text())
                .isEqualTo("16:40 Talk partners in Year 4 · Siân Prydderch (7 min)");
        assertThat(ev.select(".p-category").eachText()).containsExactly("teachmeet", "oracy");
        assertThat(ev.select(".write-ups a").eachText()).containsExactly("What I learned at TeachMeet Cwm Valley");
        assertThat(ev.selectFirst(".event-calendar a").attr("href")).endsWith("teachmeet-cwm.ics");
        assertThat(ev.text()).contains("This event has taken place.");

        JsonNode ld = jsonLd(d);
        assertThat(ld.get("@type").asText()).isEqualTo("Event");
        assertThat(ld.get("startDate").asText()).isEqualTo("2030-03-14T16:30:00Z");
        assertThat(ld.get("endDate").asText()).isEqualTo("2030-03-14T18:30:00Z");
        assertThat(ld.get("eventStatus").asText()).isEqualTo("https://schema.org/EventScheduled");
        assertThat(ld.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/MixedEventAttendanceMode");
        assertThat(ld.get("location").get(0).get("@type").asText()).isEqualTo("Place");
        assertThat(ld.get("location").get(1).get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(ld.get("location").get(1).get("url").asText()).isEqualTo("https://meet.example.org/teachmeet-cwm");
        assertThat(ld.get("offers").get("url").asText()).isEqualTo("https://forms.example.org/teachmeet-cwm");
        assertThat(ld.get("organizer").get(0).get("name").asText()).isEqualTo("Llŷr Evans");

        VEvent ics = only(calendar("events/2030/teachmeet-cwm/teachmeet-cwm.ics"));
        assertThat(prop(ics, "URL")).isEqualTo("https://teachmeets.example.org/events/2030/teachmeet-cwm/");
        assertThat(prop(ics, "LOCATION")).isEqualTo("Library, Cwm Eithin High School, Heol y Cwm, Cwm Eithin");
        assertThat(prop(ics, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(prop(ics, "SEQUENCE")).isEqualTo("0");
        assertThat(TestSites.read(out.resolve("events/2030/teachmeet-cwm/teachmeet-cwm.ics")))
                .contains("LOCATION:Library\\, Cwm Eithin High School\\, Heol y Cwm\\, Cwm Eithin\r\n");
    }

    @Test
    void theWriteUpLinksBackToItsEvent() throws Exception {
        Document post = page("2030/03/what-i-learned/index.html");
        Element link = post.selectFirst(".writes-up a");
        assertThat(link.text()).isEqualTo("TeachMeet Cwm Valley: oracy across the curriculum");
        assertThat(link.attr("href")).isEqualTo("../../../events/2030/teachmeet-cwm/index.html");
    }

    @Test
    void aCancelledEventSaysSoEverywhere() throws Exception {
        Document d = page("events/2030/teachmeet-summer/index.html");
        assertThat(d.selectFirst("article.h-event").hasClass("event-cancelled")).isTrue();
        assertThat(d.selectFirst("h1 .status-cancelled").text()).isEqualTo("Cancelled");
        assertThat(d.selectFirst(".event-status").text()).isEqualTo("Cancelled: this event will not take place.");
        assertThat(jsonLd(d).get("eventStatus").asText()).isEqualTo("https://schema.org/EventCancelled");
        VEvent ics = only(calendar("events/2030/teachmeet-summer/teachmeet-summer.ics"));
        assertThat(prop(ics, "STATUS")).isEqualTo("CANCELLED");
        assertThat(prop(ics, "SEQUENCE")).isEqualTo("1");
        assertThat(page("events/index.html").select(".event-cancelled .p-name").eachText())
                .containsExactly("Summer TeachMeet Cancelled");
    }

    @Test
    void theEventsPageListsUpcomingSoonestFirstThenPastNewestFirst() throws Exception {
        Document first = page("events/index.html");
        assertThat(first.select(".events-upcoming .h-event .p-name a").eachText())
                .containsExactly("Summer TeachMeet", "INSET days", "Night owls' journal club");
        assertThat(first.select(".events-past")).isEmpty();
        Document second = page("events/page/2/index.html");
        assertThat(second.select(".events-past .h-event .p-name a").eachText())
                .containsExactly("Learning round at Ysgol y Bryn", "TeachMeet Cwm Valley: oracy across the curriculum");
        assertThat(first.selectFirst(".calendar-links a").attr("href"))
                .isEqualTo("webcal://teachmeets.example.org/events/calendar.ics");
        Document home = page("index.html");
        assertThat(home.select(".coming-up .h-event .p-name a").eachText())
                .containsExactly("Summer TeachMeet", "INSET days", "Night owls' journal club");
        assertThat(home.selectFirst("link[rel=alternate][type=text/calendar]").attr("href"))
                .isEqualTo("https://teachmeets.example.org/events/calendar.ics");
    }

    @Test
    void eventsAreInTagPagesSearchAndFeeds() throws Exception {
        assertThat(page("tags/teachmeet/index.html").select(".h-event .p-name a").eachText())
                .contains("Summer TeachMeet", "TeachMeet Cwm Valley: oracy across the curriculum");
        assertThat(page("tags/teachmeet/index.html").selectFirst(".calendar-links a").attr("href"))
                .isEqualTo("webcal://teachmeets.example.org/tags/teachmeet/calendar.ics");
        assertThat(TestSites.read(out.resolve("search-index.json"))).contains("INSET days");
        Document atom = Jsoup.parse(TestSites.read(out.resolve("events/feed.xml")), "", Parser.xmlParser());
        assertThat(atom.select("entry > title").eachText()).containsExactly("Summer TeachMeet", "INSET days",
                "Night owls' journal club", "Learning round at Ysgol y Bryn",
                "TeachMeet Cwm Valley: oracy across the curriculum");
        for (String feed : List.of("feed.xml", "events/feed.xml")) {
            Document f = Jsoup.parse(TestSites.read(out.resolve(feed)), "", Parser.xmlParser());
            assertThat(f.select("feed > link[rel=alternate][type=text/calendar]").attr("href"))
                    .isEqualTo("https://teachmeets.example.org/events/calendar.ics");
        }
        assertThat(TestSites.read(out.resolve("rss.xml"))).contains("type=\"text/calendar\"");
    }

    @Test
    void everyPageIsValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void timesAreInWordsInWelsh(@TempDir Path dir) throws Exception {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Rhwydwaith
                baseUrl: https://rhwydwaith.example.org/
                language: cy
                timezone: Europe/London
                -- content/events/2030-03-14-teachmeet.md --
                ---
                title: TeachMeet y Cwm
                start: 2030-03-14 16:30
                end: 2030-03-14 18:30
                status: cancelled
                ---
                Noson o sgyrsiau byr.
                """);
        Lateral.build(BuildRequest.of(site).withNow(BUILT));
        Document d = Jsoup.parse(site.resolve("public/events/2030/teachmeet/index.html").toFile(), "UTF-8");
        assertThat(d.selectFirst(".dt-start").text()).isEqualTo("Dydd Iau, 14 Mawrth 2030, 16:30 tan 18:30");
        assertThat(d.selectFirst(".event-status").text()).startsWith("Wedi'i ganslo");
    }

    @Test
    void mistakesInEventsArePositionedAndWordedForTeachers(@TempDir Path dir) {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Events
                baseUrl: https://example.org/
                timezone: Europe/London
                -- content/events/gap.md --
                ---
                title: Too early
                start: 2030-03-31 01:30
                end: 2030-03-31 03:00
                ---
                -- content/events/backwards.md --
                ---
                title: Backwards
                start: 2030-05-01 16:30
                end: 2030-05-01 15:30
                status: canceled later
                ---
                -- content/posts/2024-01-01-write-up.md --
                ---
                title: Write-up
                event: teachmeat
                ---
                -- content/events/teachmeet.md --
                ---
                title: TeachMeet
                start: 2030-05-01 16:30
                duration: 2h
                statuss: scheduled
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.build(BuildRequest.of(site).withNow(BUILT)));
        List<String> lines = e.problems().stream().filter(Problem::isError).map(Problem::format).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("content/events/gap.md:3:").contains(
                "there is no 01:30 on Sunday 31 March 2030 in Europe/London: the clocks go forward from 01:00 to 02:00")
                .contains("choose a time from 02:00 on"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("content/events/backwards.md:4:")
                .contains("ends (15:30 on Wednesday 1 May 2030) before it starts"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("content/events/backwards.md:5:")
                .contains("\"canceled later\" is not an event status").contains("scheduled, cancelled"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("content/events/teachmeet.md:5:")
                .contains("did you mean `status`?"));
    }

    @Test
    void aWriteUpOfAMissingEventSuggestsTheRightName(@TempDir Path dir) {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Events
                baseUrl: https://example.org/
                -- content/posts/2024-01-01-write-up.md --
                ---
                title: Write-up
                event: 2030-05-01-teachmeat
                ---
                -- content/events/2030-05-01-teachmeet.md --
                ---
                title: TeachMeet
                start: 2030-05-01 16:30
                duration: 2h
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.build(BuildRequest.of(site).withNow(BUILT)));
        assertThat(e.problems()).extracting(Problem::format).anySatisfy(l -> assertThat(l)
                .startsWith("content/posts/2024-01-01-write-up.md:3:")
                .contains("did you mean `2030-05-01-teachmeet`?").contains("write event: 2030-05-01-teachmeet"));
    }

    static JsonNode jsonLd(Document d) throws IOException {
        for (Element s : d.select("script[type=application/ld+json]")) {
            JsonNode n = new ObjectMapper().readTree(s.data());
            if (n.path("@type").asText().equals("Event")) {
                return n;
            }
        }
        throw new AssertionError("no Event JSON-LD");
    }
}
