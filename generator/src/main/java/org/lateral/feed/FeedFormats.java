package org.lateral.feed;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Site;

/**
 * The feeds of one list, for a site's lists and the hub's river and digest alike: one output per
 * feed format in the list kind's row of {@link Kind#formats()}, in the list's folder, all made from
 * one {@link FeedDocument} ({@link #document}).
 */
final class FeedFormats {

    private FeedFormats() {
    }

    /**
     * @param dir      the list's folder, relative to the output folder ({@code tags/oracy/}, {@code ""})
     * @param what     the list in words, for messages ({@code the tag "oracy"})
     * @param document the feed's content, made when a feed is written (on any thread)
     */
    static List<Output> of(Kind kind, String dir, String what, Set<Input> inputs, Supplier<FeedDocument> document) {
        return of(kind, dir, what, inputs, document, null);
    }

    /**
     * As {@link #of(Kind, String, String, Set, Supplier)}, each entry's text made once in
     * {@code fragments} (the build's, shared by all its feeds) when that is not null.
     */
    static List<Output> of(Kind kind, String dir, String what, Set<Input> inputs, Supplier<FeedDocument> document,
            FeedFragments fragments) {
        List<Output> out = new ArrayList<>(3);
        for (Format format : kind.formats()) {
            switch (format) {
                case ATOM -> out.add(new Output(kind, format, dir + FeedPlanner.ATOM, "the Atom feed of " + what,
                        Optional.empty(), inputs, () -> fragments == null ? AtomWriter.write(document.get())
                                : AtomWriter.write(document.get(), fragments)));
                case RSS -> out.add(new Output(kind, format, dir + FeedPlanner.RSS, "the RSS feed of " + what,
                        Optional.empty(), inputs, () -> fragments == null ? RssWriter.write(document.get())
                                : RssWriter.write(document.get(), fragments)));
                case JSON_FEED -> out.add(new Output(kind, format, dir + FeedPlanner.JSON, "the JSON feed of " + what,
                        Optional.empty(), inputs, () -> fragments == null ? JsonFeedWriter.write(document.get())
                                : JsonFeedWriter.write(document.get(), fragments)));
                default -> {
                    // the list's page and other formats are not feeds
                }
            }
        }
        return out;
    }

    /**
     * The feed of a list at {@code url} (relative, base path included, ending in {@code /}): its
     * last change is its newest entry's (the build's time when it has none), its description the
     * list's own, else the site's, else its title.
     *
     * @param full whether entries carry their whole content
     * @param hubs WebSub hubs to announce; empty for none
     */
    static FeedDocument document(Site site, String title, String description, String url, List<FeedEntry> items,
            FeedEntry.Person author, boolean full, List<String> hubs) {
        ZonedDateTime updated = items.stream().map(FeedEntry::updated)
                .max(Comparator.comparing(ZonedDateTime::toInstant)).orElse(site.buildTime());
        String about = !description.isBlank() ? description : !site.description().isBlank() ? site.description() : title;
        return new FeedDocument(XmlChars.clean(title), XmlChars.clean(about.strip()), site.absUrl(url),
                site.absUrl(url + FeedPlanner.ATOM), site.absUrl(url + FeedPlanner.RSS),
                site.absUrl(url + FeedPlanner.JSON), site.language(), updated, author, full, items, hubs,
                site.hasEvents() ? site.absUrl(site.calendarUrl()) : "", // a hub finds the site's calendar here
                site.hasCommunity() ? site.absUrl(site.communityUrl()) : ""); // and its offers, requests, mentoring
    }
}
