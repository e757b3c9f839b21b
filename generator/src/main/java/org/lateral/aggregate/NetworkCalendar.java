package org.lateral.aggregate;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.aggregate.fetch.FeedCache;
import org.lateral.aggregate.fetch.FetchResult;
import org.lateral.aggregate.fetch.Fetcher;
import org.lateral.aggregate.fetch.Validators;
import org.lateral.calendar.CalendarEntry;
import org.lateral.calendar.CalendarReader;

/**
 * The network calendar: every member's events merged, found through each member's feed (its
 * {@code <link rel="alternate" type="text/calendar">}, as Lateral sites write it) or set per member
 * ({@code calendar:}), fetched with the feeds' safety (the address policy, the request deadline, the
 * size cap) and read by {@link CalendarReader}. An event in two members' calendars (a TeachMeet
 * both organisers list) is shown once: events are merged by UID, the higher {@code SEQUENCE}
 * winning, else the first member. Upcoming events and those of the last twelve months are kept.
 * A calendar that cannot be read is noted on the events page; the hub is built all the same.
 *
 * @param events   soonest first
 * @param problems "member: what went wrong", for the events page
 */
public record NetworkCalendar(List<NetworkEvent> events, List<String> problems, Instant built) {

    private static final Duration KEPT = Duration.ofDays(365);
    /** How far ahead "coming up" looks, in the digest. */
    static final Duration COMING_UP = Duration.ofDays(28);

    public NetworkCalendar {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    public static NetworkCalendar empty(Instant now) {
        return new NetworkCalendar(List.of(), List.of(), now);
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }

    /** Events not over when the hub was built, soonest first. */
    public List<NetworkEvent> upcoming() {
        return events.stream().filter(e -> e.entry().endsAt(e.start().getZone()).isAfter(built)).toList();
    }

    /** Events that are over, the latest first. */
    public List<NetworkEvent> past() {
        List<NetworkEvent> out = new ArrayList<>(events.stream()
                .filter(e -> !e.entry().endsAt(e.start().getZone()).isAfter(built)).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Upcoming events that start in the next four weeks: the digest's "coming up". */
    public List<NetworkEvent> comingUp() {
        Instant until = built.plus(COMING_UP);
        return upcoming().stream().filter(e -> e.start().toInstant().isBefore(until)).limit(10).toList();
    }

    /** The entries of the hub's own calendar, soonest first. */
    public List<CalendarEntry> entries() {
        return events.stream().map(NetworkEvent::entry).toList();
    }

    /** Reads every member's calendar. Never throws for what a member's server or calendar does. */
    public static NetworkCalendar collect(HubConfig config, Hub hub, ZoneId zone, Instant now) {
        Fetcher fetcher = new Fetcher(config.settings());
        FeedCache cache = new FeedCache(config.settings().cacheDir());
        Map<String, NetworkEvent> byUid = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Instant since = now.minus(KEPT);
        for (Subscription s : config.subscriptions()) {
            Optional<FeedLocation> where = Optional.ofNullable(config.calendars().get(s.id()))
                    .or(() -> discover(s, config, cache));
            if (where.isEmpty()) {
                continue;
            }
            long deadline = System.nanoTime() + config.settings().timeout().toNanos();
            FetchResult fetched = fetcher.fetch(where.get(), Validators.NONE, deadline);
            if (!fetched.status().isSuccess()) {
                problems.add(s.name() + ": the calendar " + where.get().display() + " could not be read ("
                        + fetched.status().format() + ")");
                continue;
            }
            CalendarReader.Read read;
            try {
                read = CalendarReader.read(fetched.body(), zone);
            } catch (IOException e) {
                problems.add(s.name() + ": the calendar " + where.get().display() + " could not be read (" + e.getMessage()
                        + ")");
                continue;
            }
            String memberUrl = hub.members().stream().filter(m -> m.subscription().id().equals(s.id())).findFirst()
                    .map(Member::path).orElse("");
            for (CalendarEntry e : read.entries()) {
                if (!e.endsAt(zone).isAfter(since)) {
                    continue;
                }
                NetworkEvent ev = event(e, s.name(), memberUrl, zone);
                NetworkEvent seen = byUid.get(e.uid());
                if (seen == null || e.sequence() > seen.entry().sequence()) {
                    byUid.put(e.uid(), ev);
                }
            }
        }
        List<NetworkEvent> events = new ArrayList<>(byUid.values());
        events.sort(Comparator.comparing((NetworkEvent e) -> e.start().toInstant()).thenComparing(NetworkEvent::title)
                .thenComparing(NetworkEvent::uid));
        return new NetworkCalendar(events, problems, now);
    }

    private static NetworkEvent event(CalendarEntry e, String member, String memberUrl, ZoneId zone) {
        ZonedDateTime start = e.startsAt(zone).atZone(zone);
        Optional<ZonedDateTime> end = e.allDay() ? Optional.of(e.endsAt(zone).atZone(zone))
                : e.end().map(t -> t.atZone(zone));
        java.time.LocalDate last = e.allDay() ? e.endsAt(zone).atZone(zone).toLocalDate().minusDays(1)
                : end.orElse(start).toLocalDate();
        return new NetworkEvent(e.uid(), e.summary(), start, end, e.allDay(), last, e.location(),
                e.url().map(URI::toString), e.cancelled(), member, memberUrl, e);
    }

    /** The calendar a member's feed links ({@code <link rel="alternate" type="text/calendar">}, {@link FeedLinks}). */
    static Optional<FeedLocation> discover(Subscription s, HubConfig config, FeedCache cache) {
        return FeedLinks.discover(s, config, cache, "alternate", "text/calendar", "calendar");
    }
}
