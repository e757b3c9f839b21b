/**
 * The hub: a network's members' feeds gathered into one list of safe entries. This package
 * holds the data (a {@link org.lateral.aggregate.Subscription} per member, the
 * {@link org.lateral.aggregate.Entry} records, the per-feed
 * {@link org.lateral.aggregate.FeedStatus} and the {@link org.lateral.aggregate.HealthReport}),
 * OPML in and out, merging ({@link org.lateral.aggregate.EntryMerger}), and the
 * {@link org.lateral.aggregate.HubCollector} that runs fetch → parse → sanitize → merge. It also
 * reads the {@code hub:} section of {@code site.yaml} ({@link org.lateral.aggregate.HubConfigReader})
 * and holds the model the hub's templates see: {@link org.lateral.aggregate.Hub},
 * {@link org.lateral.aggregate.Member}, {@link org.lateral.aggregate.Digest}, and the hub's lists
 * (river, members, each member, topics, digest) as {@code site.Listing}s
 * ({@link org.lateral.aggregate.HubListings}), paginated by the site's one {@code Pager}.
 * Fetching lives in {@code aggregate.fetch} (the JDK HttpClient, caps, the on-disk cache) and
 * feed reading in {@code aggregate.parse} (Rome, hardened XML).
 *
 * <p>Nothing here renders: no FreeMarker, no templates, no output folder. Model records expose
 * no library types (no Rome, jsoup or Jackson objects); Jackson is used only inside the report
 * writer and the feed cache.
 */
package org.lateral.aggregate;
