package org.lateral.aggregate.parse;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed read successfully, before the run's date policy and the member's settings are applied
 * (see {@link ReadEntry}): what {@link FeedParser#read} produces and the hub's cache keeps.
 *
 * @param title    the feed's own title, plain text (empty when unknown)
 * @param siteLink the feed's own site address, when it names one
 * @param entries  every entry, in the feed's order, without repeated ids (the newest are chosen
 *                 when the run's dates are known)
 */
public record ReadFeed(String title, Optional<URI> siteLink, List<ReadEntry> entries) {

    public ReadFeed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(siteLink, "siteLink");
        entries = List.copyOf(entries);
    }
}
