package org.lateral.feed;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file this package wants written: a feed, the sitemap or robots.txt. The build turns it into
 * one of its jobs and produces the bytes in parallel with the pages.
 *
 * @param outputPath where it goes, relative to the output folder ({@code tags/oracy/feed.xml})
 * @param origin     what asked for it, in words, for "two things want the same address" problems
 * @param content    produces the bytes (UTF-8); called once, on any thread
 */
public record FeedOutput(String outputPath, String origin, Supplier<byte[]> content) {
    public FeedOutput {
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
    }
}
