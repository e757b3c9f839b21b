package org.lateral.aggregate;

/**
 * Told about each feed as soon as it is done, from the worker thread that did it (so
 * implementations must be thread-safe; printing a line to the console is).
 */
@FunctionalInterface
public interface HubProgress {

    /** Reports nothing. */
    HubProgress NONE = (report, done, total) -> { };

    /**
     * @param report how the feed fared
     * @param done   how many feeds are done, this one included
     * @param total  how many feeds the run has
     */
    void feedDone(FeedReport report, int done, int total);
}
