package org.lateral.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lateral.calendar.CalendarEntry;
import org.lateral.calendar.CalendarWriter;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Event;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.site.TermRef;
import org.lateral.taxonomy.Term;

/**
 * The calendar files of a site's events: one {@code .ics} per event (its "add to calendar" file,
 * beside its page), the site calendar {@code events/calendar.ics} (upcoming events and those of the
 * last twelve months) and a {@code calendar.ics} in the folder of each tag that has events, plus the
 * events' Atom feed {@code events/feed.xml}. Each output declares the sources of the events it holds.
 */
final class CalendarFeeds {

    /** File name of a list's calendar, in its folder. */
    static final String CALENDAR = "calendar.ics";
    private static final Duration KEPT = Duration.ofDays(365);

    private final Site site;
    private final FeedEntries entries;

    CalendarFeeds(Site site, FeedEntries entries) {
        this.site = site;
        this.entries = entries;
    }

    List<Output> outputs() {
        List<Output> out = new ArrayList<>();
        if (site.events().isEmpty()) {
            return out;
        }
        Instant stamp = site.buildTime().toInstant();
        for (Event e : site.events()) {
            out.add(new Output(Kind.EVENT, Format.ICS, e.calendarPath(), "the calendar file of " + e.page().source(),
                    Optional.of(e.page().source()), inputs(List.of(e)),
                    () -> CalendarWriter.write(e.page().title() + " · " + site.title(), List.of(entry(e)), stamp)));
        }
        if (!site.hasEvents()) {
            return out;
        }
        Instant since = stamp.minus(KEPT);
        List<Event> kept = site.events().stream().filter(e -> e.over().toInstant().isAfter(since)).toList();
        out.add(calendar(Kind.EVENTS, "events/", "the site calendar", site.title(), kept, stamp));
        for (Term t : site.tags().terms()) {
            List<Event> tagged = site.events().stream().filter(e -> e.page().tags().stream()
                    .anyMatch(r -> r.slug().equals(t.slug()))).toList();
            if (!tagged.isEmpty() && site.config().writes(Kind.TERM)) {
                out.add(calendar(Kind.TERM, t.outputDir(), "the calendar of the tag \"" + t.name() + "\"",
                        t.name() + " · " + site.title(), tagged, stamp));
            }
        }
        out.addAll(atom());
        return out;
    }

    private Output calendar(Kind kind, String dir, String what, String name, List<Event> events, Instant stamp) {
        return new Output(kind, Format.ICS, dir + CALENDAR, what, Optional.empty(), inputs(events),
                () -> CalendarWriter.write(name, events.stream().map(this::entry).toList(), stamp));
    }

    /** The events' Atom feed: upcoming soonest first, then the past, each entry saying when and where. */
    private List<Output> atom() {
        List<Event> listed = new ArrayList<>(site.upcomingEvents());
        listed.addAll(site.pastEvents());
        listed = listed.subList(0, Math.min(listed.size(), site.config().feeds().entries()));
        List<Event> inFeed = listed;
        Set<Input> in = inputs(inFeed);
        String url = site.url("events/");
        return FeedFormats.of(Kind.EVENTS, "events/", "the events", in, () -> {
            List<FeedEntry> items = inFeed.stream().map(this::feedEntry).toList();
            ZonedDateTime updated = inFeed.stream().map(e -> e.page().lastmod())
                    .max(java.util.Comparator.comparing(ZonedDateTime::toInstant)).orElse(site.buildTime());
            String title = XmlChars.clean(site.title() + " · events");
            return new FeedDocument(title, XmlChars.clean(site.description().isBlank() ? title : site.description()),
                    site.absUrl(url), site.absUrl(url + FeedPlanner.ATOM), site.absUrl(url + FeedPlanner.RSS),
                    site.absUrl(url + FeedPlanner.JSON), site.language(), updated, entries.siteAsAuthor(),
                    site.config().feeds().full(), items, site.config().publish().websub(),
                    site.absUrl(site.calendarUrl()));
        });
    }

    private FeedEntry feedEntry(Event e) {
        FeedEntry base = entries.of(e.page());
        String when = "<p>" + XmlChars.clean(escape(when(e) + e.location().map(l -> " · " + l).orElse("")
                + (e.cancelled() ? " · " + cancelledWord() : ""))) + "</p>\n";
        return new FeedEntry(base.id(), base.title(), base.url(), base.published(), base.updated(), base.authors(),
                base.categories(), when + base.contentHtml(), when + base.summaryHtml(), base.summaryText(),
                base.image(), base.language());
    }

    private String when(Event e) {
        Locale locale = Locale.forLanguageTag(site.language());
        if (e.allDay()) {
            return e.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
        }
        return e.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)) + ", "
                + e.start().format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
                + e.end().map(x -> "–" + x.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)))
                        .orElse("");
    }

    private String cancelledWord() {
        return site.language().startsWith("cy") ? "WEDI'I GANSLO" : "CANCELLED";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One event as its calendars hold it. */
    CalendarEntry entry(Event e) {
        Page p = e.page();
        StringBuilder description = new StringBuilder(p.description());
        e.online().ifPresent(o -> description.append(description.length() > 0 ? "\n\n" : "").append(o));
        e.signup().ifPresent(s -> description.append(description.length() > 0 ? "\n\n" : "").append(s));
        description.append(description.length() > 0 ? "\n\n" : "").append(p.permalink());
        Optional<String> location = e.location().or(() -> e.online());
        return new CalendarEntry(e.uid(), p.title(),
                e.allDay() ? Optional.empty() : Optional.of(e.start().toInstant()),
                e.allDay() ? Optional.empty() : e.end().map(ZonedDateTime::toInstant),
                e.allDay() ? Optional.of(e.start().toLocalDate()) : Optional.empty(),
                e.allDay() ? Optional.of(e.end().orElse(e.start().plusDays(1)).toLocalDate()) : Optional.empty(),
                description.toString(), location, Optional.of(URI.create(p.permalink())),
                p.tags().stream().map(TermRef::name).toList(), e.cancelled(),
                e.status().equals("postponed"), e.sequence(), p.updated().map(ZonedDateTime::toInstant));
    }

    private static Set<Input> inputs(List<Event> events) {
        Set<Input> in = new HashSet<>(Set.of(Input.CONFIG, Input.FRONT_MATTER));
        events.forEach(e -> in.add(Input.source(e.page().source())));
        return in;
    }
}
