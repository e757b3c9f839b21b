package org.lateral.aggregate.fetch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cache remembers about one feed between runs (the body itself is kept beside it and
 * read with {@link FeedCache#body(org.lateral.aggregate.FeedLocation, CachedFeed)}).
 *
 * @param feed          the feed's location, as displayed (to recognise the file by eye)
 * @param validators    the validators of the last good response
 * @param lastGoodFetch when the feed was last fetched and read successfully
 * @param charset       the HTTP charset that came with the last good body
 * @param bodySha256    the hash of the last good body, checked when it is read back
 * @param firstSeen     when each entry (by id) was first seen
 * @param links         what the body links besides its posts (by kind: "calendar", "community"), found
 *                      when it was read; empty when not known (a record from before: read the body)
 */
public record CachedFeed(String feed, Validators validators, Instant lastGoodFetch, Optional<String> charset,
                         String bodySha256, Map<String, Instant> firstSeen, Optional<Map<String, String>> links) {

    /** A record that does not know its body's links. */
    public CachedFeed(String feed, Validators validators, Instant lastGoodFetch, Optional<String> charset,
                      String bodySha256, Map<String, Instant> firstSeen) {
        this(feed, validators, lastGoodFetch, charset, bodySha256, firstSeen, Optional.empty());
    }

    public CachedFeed {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(lastGoodFetch, "lastGoodFetch");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(bodySha256, "bodySha256");
        firstSeen = Map.copyOf(firstSeen);
        links = Objects.requireNonNull(links, "links").map(Map::copyOf);
    }

    /** The same record after a run that confirmed the body (a 304) and saw these first-seen times. */
    public CachedFeed confirmed(Instant when, Map<String, Instant> newFirstSeen) {
        return new CachedFeed(feed, validators, when, charset, bodySha256, newFirstSeen, links);
    }

    /** The same record knowing its body's links. */
    public CachedFeed withLinks(Optional<Map<String, String>> newLinks) {
        return new CachedFeed(feed, validators, lastGoodFetch, charset, bodySha256, firstSeen, newLinks);
    }
}
