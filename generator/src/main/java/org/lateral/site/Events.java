package org.lateral.site;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.content.EventFields;
import org.lateral.content.FrontMatterParser;
import org.lateral.content.Source;
import org.lateral.internal.Suggestions;

/**
 * Makes the site's {@link Event}s from the events' pages and front matter, and links each to the
 * posts that write it up ({@code event:} in a post's front matter names the event file), with a
 * positioned problem for a post naming an event that does not exist.
 */
final class Events {

    /** The site calendar, relative to the output folder (and the events page's folder). */
    static final String CALENDAR = "events/calendar.ics";

    private Events() {
    }

    /**
     * An event's calendar revision ({@code SEQUENCE}): how many times its time, place or status
     * changed over its committed versions and the file as it is now, at least {@code sequence:} as
     * written, and at least 1 once it is no longer simply scheduled. Versions whose front matter
     * can't be read are passed over.
     */
    static int sequence(Source source, EventFields now, SiteConfig config, EventHistory history,
            List<Path> truncated) {
        Path file = source.path();
        EventHistory.Versions versions = history.of(source.file());
        if (versions.truncated() && !versions.texts().isEmpty()) {
            truncated.add(file);
        }
        int changes = 0;
        Optional<List<Object>> last = Optional.empty();
        FrontMatterParser parser = null;
        List<List<Object>> states = new ArrayList<>();
        for (String text : versions.texts()) {
            if (parser == null) {
                parser = new FrontMatterParser(config.timezone());
            }
            parser.parse(text, file, Source.EVENTS).frontMatter().event().map(Events::significant)
                    .ifPresent(states::add);
        }
        states.add(significant(now));
        for (List<Object> state : states) {
            if (last.isPresent() && !last.get().equals(state)) {
                changes++;
            }
            last = Optional.of(state);
        }
        int floor = now.status() == EventFields.EventStatus.SCHEDULED ? 0 : 1;
        return Math.max(Math.max(changes, floor), now.sequence().orElse(0));
    }

    /** What makes calendars that have the event update it: when, where, and whether it happens. */
    private static List<Object> significant(EventFields f) {
        return List.of(f.start().toInstant(), f.end().map(ZonedDateTime::toInstant).map(Object.class::cast).orElse(""),
                f.allDay(), f.location().orElse(""), f.online().orElse(""), f.status());
    }

    static List<Event> of(List<Page> eventPages, List<Page> posts, Map<Path, Source> sources, Instant now,
            SiteConfig config, Function<String, Author> author, EventHistory history, List<Problem> problems) {
        String host = java.net.URI.create(config.origin() + "/").getHost();
        Map<String, Event> byName = new HashMap<>();
        List<Event> events = new ArrayList<>();
        List<Path> truncated = new ArrayList<>();
        for (Page p : eventPages) {
            Source s = sources.get(p.source());
            EventFields f = s.frontMatter().event().orElseThrow();
            String dir = p.outputPath().endsWith("index.html")
                    ? p.outputPath().substring(0, p.outputPath().length() - "index.html".length())
                    : p.outputPath().substring(0, p.outputPath().lastIndexOf('/') + 1);
            String calendarPath = dir + p.slug() + ".ics";
            String pageDir = p.url().endsWith("/") ? p.url() : p.url().substring(0, p.url().lastIndexOf('/') + 1);
            Event e = new Event(p, s.name(), f.start(), f.end(), f.allDay(), f.zone(), f.location(), f.online(),
                    f.signup(), f.organisers().stream().map(author).toList(), f.status().word(), f.programme(),
                    List.of(), s.name() + "@" + (host == null ? "lateral.invalid" : host),
                    sequence(s, f, config, history, truncated),
                    pageDir + p.slug() + ".ics", calendarPath, f.end().orElse(f.start()).toInstant().isAfter(now));
            byName.put(s.name(), e);
            events.add(e);
        }
        if (!truncated.isEmpty() && events.stream().anyMatch(Event::upcoming)) {
            problems.add(Problem.warning(truncated.get(0), 1, 1,
                    "this copy of the site has only part of its history (a shallow clone), so the calendar can't"
                            + " count how often an event's time, place or status changed: calendars that already"
                            + " have an event may not take the change",
                    "build from a full clone (git fetch --unshallow; in GitHub Actions, fetch-depth: 0), or raise"
                            + " sequence: by hand in the event's front matter when you change it"));
        }
        java.util.Set<String> allEventFiles = new java.util.HashSet<>();
        sources.values().stream().filter(Source::isEvent).forEach(s -> allEventFiles.add(s.name()));
        Map<String, List<Page>> writeUps = new HashMap<>();
        for (Page post : posts) {
            Source s = sources.get(post.source());
            Optional<String> ref = s == null ? Optional.empty() : s.frontMatter().writesUp();
            if (ref.isEmpty()) {
                continue;
            }
            String name = ref.get().replaceFirst("\\.md$", "").replaceFirst("^.*/", "");
            if (byName.containsKey(name)) {
                writeUps.computeIfAbsent(name, k -> new ArrayList<>()).add(post);
            } else if (!allEventFiles.contains(name)) { // a draft event: written up, not yet published
                Optional<String> near = Suggestions.closest(name, byName.keySet());
                int line = s.frontMatter().lineOf("event", 1);
                problems.add(Problem.error(post.source(), line, 1,
                        "this post writes up the event \"" + ref.get() + "\", but content/events/ has no such event"
                                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.isPresent() ? "write event: " + near.get()
                                : "write the event file's name without .md (e.g. event: 2030-03-14-teachmeet-cwm), or"
                                        + " delete the line"));
            }
        }
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            List<Page> ups = new ArrayList<>(writeUps.getOrDefault(e.name(), List.of()));
            ups.sort(Comparator.comparing(Page::date));
            out.add(e.withWriteUps(ups));
        }
        out.sort(Comparator.comparing((Event e) -> e.start().toInstant()).thenComparing(e -> e.page().title())
                .thenComparing(Event::name));
        return out;
    }
}
