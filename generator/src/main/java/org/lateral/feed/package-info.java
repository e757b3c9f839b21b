/**
 * What readers, planets and search engines read from a site besides its pages: full-content
 * Atom 1.0 and RSS 2.0 feeds (written through Rome), JSON Feed 1.1 (written through Jackson), the
 * {@code sitemap.xml} and {@code robots.txt}, for the whole site and for every tag, category,
 * author and any other list handed to {@link org.lateral.feed.FeedPlanner#forList}. One class per
 * output ({@link org.lateral.feed.AtomWriter}, {@link org.lateral.feed.RssWriter},
 * {@link org.lateral.feed.JsonFeedWriter}, {@link org.lateral.feed.SitemapWriter}); the
 * {@link org.lateral.feed.FeedPlanner} decides which files exist and hands them to the build as
 * {@code plan.Output}s (one per format in the list kind's row, through {@code FeedFormats}, for a
 * site's lists and the hub's river alike), rendered lazily and in parallel.
 *
 * <p>Rome lives here (and, for reading other people's feeds, in {@code aggregate.parse}); no Rome
 * type leaves this package. jsoup is used here for one narrow job only, making every URL inside a
 * post's HTML absolute ({@link org.lateral.feed.AbsoluteUrls}); sanitising belongs to
 * {@code safety}. This package reads the immutable {@code site} model (and, for the hub's own feeds
 * in {@link org.lateral.feed.HubFeeds}, the {@code aggregate} records) and never imports FreeMarker,
 * Flexmark or the {@code pipeline} package: the pipeline depends on it, not the other way round.
 */
package org.lateral.feed;
