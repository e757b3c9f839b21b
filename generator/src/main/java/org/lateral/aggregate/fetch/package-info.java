/**
 * Fetching members' feeds: the {@link org.lateral.aggregate.fetch.Fetcher} on the JDK
 * {@code HttpClient} (a whole-request deadline, a size cap on streamed and on decompressed
 * bytes, redirects followed by hand with a limit, loop detection and a scheme check, conditional
 * GET, local files) and the {@link org.lateral.aggregate.fetch.FeedCache}, a folder outside the
 * output that keeps validators, the last good body and first-seen times per feed.
 *
 * <p>Depends on the JDK, Jackson (cache files only) and the hub's data records in
 * {@code org.lateral.aggregate}. It must not parse XML or HTML: bodies leave this package as bytes.
 */
package org.lateral.aggregate.fetch;
