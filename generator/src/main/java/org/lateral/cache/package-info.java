/**
 * The build cache kept on disk between two {@code lateral build}s (in the request's cache folder,
 * {@code build/}): what the last good build was made from (a stamp and content hash of every
 * input file), what it wrote (a stamp of every output file), and its reusable work (converted
 * Markdown, search words). The format is versioned and written down in {@code docs/architecture.md}
 * ("The build cache on disk"); {@link org.lateral.cache.BuildCache} reads and writes it, nothing
 * else does.
 */
package org.lateral.cache;
