package org.lateral.feed;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One feed, ready to be written in any of the three formats.
 *
 * @param title       plain text
 * @param description plain text; never empty (RSS requires one)
 * @param homeUrl     absolute URL of the HTML list this feed mirrors
 * @param atomUrl     absolute URL of the Atom version
 * @param rssUrl      absolute URL of the RSS version
 * @param jsonUrl     absolute URL of the JSON Feed version
 * @param language    BCP 47 tag ({@code en-GB}, {@code cy})
 * @param updated     the newest entry's update time (the build time for an empty feed)
 * @param author      the feed's own author: the site, standing in for entries that name none
 * @param full        whole posts (true) or summaries only
 * @param entries     newest first
 * @param hubs        WebSub hubs to announce ({@code rel="hub"}); empty for none
 * @param calendarUrl the site's calendar ({@code rel="alternate" type="text/calendar"}), absolute; empty for none
 * @param communityUrl the site's {@code community.json} ({@code rel="related"} of its media type), absolute; empty for none
 */
record FeedDocument(String title, String description, String homeUrl, String atomUrl, String rssUrl,
        String jsonUrl, String language, ZonedDateTime updated, FeedEntry.Person author, boolean full,
        List<FeedEntry> entries, List<String> hubs, String calendarUrl, String communityUrl) {

    /** A feed that links no community file. */
    FeedDocument(String title, String description, String homeUrl, String atomUrl, String rssUrl,
            String jsonUrl, String language, ZonedDateTime updated, FeedEntry.Person author, boolean full,
            List<FeedEntry> entries, List<String> hubs, String calendarUrl) {
        this(title, description, homeUrl, atomUrl, rssUrl, jsonUrl, language, updated, author, full, entries, hubs,
                calendarUrl, "");
    }

    /** A feed that links no calendar. */
    FeedDocument(String title, String description, String homeUrl, String atomUrl, String rssUrl,
            String jsonUrl, String language, ZonedDateTime updated, FeedEntry.Person author, boolean full,
            List<FeedEntry> entries, List<String> hubs) {
        this(title, description, homeUrl, atomUrl, rssUrl, jsonUrl, language, updated, author, full, entries, hubs, "");
    }

    static final String GENERATOR = "Lateral";

    /** The same feed with other entries. */
    FeedDocument withEntries(List<FeedEntry> others) {
        return new FeedDocument(title, description, homeUrl, atomUrl, rssUrl, jsonUrl, language, updated, author,
                full, others, hubs, calendarUrl, communityUrl);
    }

    FeedDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(homeUrl, "homeUrl");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(author, "author");
        entries = List.copyOf(entries);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
        calendarUrl = calendarUrl == null ? "" : calendarUrl;
        communityUrl = communityUrl == null ? "" : communityUrl;
    }

    /** A feed that announces no WebSub hub. */
    FeedDocument(String title, String description, String homeUrl, String atomUrl, String rssUrl,
            String jsonUrl, String language, ZonedDateTime updated, FeedEntry.Person author, boolean full,
            List<FeedEntry> entries) {
        this(title, description, homeUrl, atomUrl, rssUrl, jsonUrl, language, updated, author, full, entries,
                List.of());
    }
}
