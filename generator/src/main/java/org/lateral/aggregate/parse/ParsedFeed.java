package org.lateral.aggregate.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedStatus;

/**
 * What reading one feed produced.
 *
 * @param status    OK, or why the feed could not be read (then there are no entries)
 * @param title     the feed's own title, plain text (empty when unknown)
 * @param siteLink  the feed's own site address, when it names one
 * @param entries   normalised entries, newest first, at most the per-feed limit
 * @param firstSeen first-seen times of the entries kept, to remember for the next run
 */
public record ParsedFeed(FeedStatus status, String title, Optional<URI> siteLink, List<Entry> entries,
                         Map<String, Instant> firstSeen) {

    public ParsedFeed {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(siteLink, "siteLink");
        entries = List.copyOf(entries);
        firstSeen = Map.copyOf(firstSeen);
    }

    public static ParsedFeed failed(FeedStatus status) {
        return new ParsedFeed(status, "", Optional.empty(), List.of(), Map.of());
    }
}
