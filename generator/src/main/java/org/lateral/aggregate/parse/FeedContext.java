package org.lateral.aggregate.parse;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lateral.aggregate.Subscription;

/**
 * Everything the parser needs besides the bytes.
 *
 * @param member      whose feed this is
 * @param documentUri the address the bytes came from (after redirects; {@code file:} for local feeds)
 * @param httpCharset the charset from the HTTP {@code Content-Type}, if any
 * @param now         the time of this run (the clock of the whole run, so entries agree)
 * @param firstSeen   when entries (by id) were first seen, from the cache
 */
public record FeedContext(Subscription member, URI documentUri, Optional<String> httpCharset, Instant now,
                          Map<String, Instant> firstSeen) {

    public FeedContext {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(documentUri, "documentUri");
        Objects.requireNonNull(httpCharset, "httpCharset");
        Objects.requireNonNull(now, "now");
        firstSeen = Map.copyOf(firstSeen);
    }

    /** A context for a member's feed read from its own location, with nothing remembered. */
    public static FeedContext of(Subscription member, Instant now) {
        return new FeedContext(member, member.feed().uri(), Optional.empty(), now, Map.of());
    }
}
