package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The hub's network calendar: two member sites built by Lateral and served on loopback, one whose
 * calendar the hub finds through its feed's calendar link, one set by {@code calendar:}; the
 * TeachMeet both list is shown once (same UID), and the hub's events page, calendar and digest
 * show what is coming up.
 */
class HubEventsIT {

    static final Instant NOW = Instant.parse("2030-03-10T09:00:00Z");

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void close() {
        server.close();
    }

    /** Builds a member site served at {@code /name/} and routes its files there. */
    Path member(String name, String events) {
        Path site = TestSites.inline(tmp.resolve(name), """
                -- site.yaml --
                title: %s's blog
                baseUrl: %s
                timezone: Europe/London
                -- content/posts/2030-03-01-hello.md --
                ---
                title: Hello from %s
                ---
                A post.
                """.formatted(name, server.uri("/" + name + "/"), name) + events);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");
        server.route("/" + name + "/", exchange -> {
            Path file = out.resolve(exchange.getRequestURI().getPath().substring(name.length() + 2));
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".ics") ? "text/calendar"
                    : "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        return out;
    }

    static final String TEACHMEET = """
            -- content/events/2030-03-14-teachmeet-cwm.md --
            ---
            title: TeachMeet Cwm Valley
            start: 2030-03-14 16:30
            end: 18:30
            location: Cwm Eithin High School
            ---
            Talks about talk.
            """;

    @Test
    void theNetworkCalendarMergesMembersCalendarsOncePerUid() throws Exception {
        member("ann", TEACHMEET + """
                -- content/events/2030-09-02-inset.md --
                ---
                title: INSET day
                start: 2030-09-02
                ---
                Before the pupils come back.
                """);
        member("bob", TEACHMEET + """
                -- content/events/2030-03-20-round.md --
                ---
                title: Learning round
                start: 2030-03-20 09:00
                duration: 3h
                status: cancelled
                ---
                Sorry.
                """);
        Path hub = TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                hub:
                  members:
                    - name: Ann
                      feed: %s
                    - name: Bob
                      feed: %s
                      calendar: %s
                  timeout: 5
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/bob/feed.xml"),
                server.uri("/bob/events/calendar.ics")));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        Path out = hub.resolve("public");

        assertThat(server.hits("/ann/events/calendar.ics")).isEqualTo(1); // found through Ann's feed
        String ics = TestSites.read(out.resolve("events/calendar.ics"));
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        assertThat(cal.validate().getEntries()).isEmpty();
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getProperty("SUMMARY").get().getValue())
                .containsExactly("TeachMeet Cwm Valley", "Learning round", "INSET day");
        assertThat(events.get(0).getProperty("UID").get().getValue())
                .isEqualTo("2030-03-14-teachmeet-cwm@127.0.0.1");
        assertThat(events.get(0).getProperty("DTSTART").get().getValue()).isEqualTo("20300314T163000Z");
        assertThat(events.get(1).getProperty("STATUS").get().getValue()).isEqualTo("CANCELLED");
        assertThat(events.get(2).getProperty("DTSTART").get().toString()).startsWith("DTSTART;VALUE=DATE:20300902");

        Document page = Jsoup.parse(out.resolve("events/index.html").toFile(), "UTF-8");
        assertThat(page.select(".events-upcoming .h-event .p-name").eachText())
                .containsExactly("TeachMeet Cwm Valley", "Learning round Cancelled", "INSET day");
        assertThat(page.selectFirst(".events-upcoming .h-event .dt-start").text())
                .isEqualTo("Thursday 14 March 2030, 16:30");
        assertThat(page.selectFirst(".events-upcoming .h-event a.u-url").attr("href"))
                .isEqualTo(server.uri("/ann/events/2030/teachmeet-cwm/").toString());
        Document river = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(river.selectFirst("link[rel=alternate][type=text/calendar]").attr("href"))
                .isEqualTo("https://hub.example/events/calendar.ics");
        Document digest = Jsoup.parse(out.resolve("digest/index.html").toFile(), "UTF-8");
        assertThat(digest.select(".coming-up .h-event .p-name").eachText())
                .containsExactly("TeachMeet Cwm Valley", "Learning round Cancelled");
        assertThat(TestSites.read(out.resolve("digest/digest.txt"))).contains("== Coming up ==")
                .contains("* TeachMeet Cwm Valley: Thursday 14 March 2030, 16:30, Cwm Eithin High School (Ann)");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aCalendarThatCannotBeReadIsNotedAndTheHubIsBuilt() throws Exception {
        member("ann", TEACHMEET);
        server.route("/broken.ics", LoopbackServer.respond(200, "text/calendar", "BEGIN:VCALENDAR\r\nnonsense"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path hub = TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                hub:
                  members:
                    - name: Ann
                      feed: %s
                    - name: Bob
                      feed: %s
                      calendar: %s
                  timeout: 5
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/ann/feed.xml"), server.uri("/broken.ics")));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        Document page = Jsoup.parse(hub.resolve("public/events/index.html").toFile(), "UTF-8");
        assertThat(page.select(".h-event .p-name").eachText()).containsExactly("TeachMeet Cwm Valley");
        assertThat(page.text()).contains("Bob: the calendar " + server.uri("/broken.ics") + " could not be read");
    }
}
