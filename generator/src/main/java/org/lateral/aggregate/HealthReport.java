package org.lateral.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The feed-health report of one hub run: every subscription, in the order the organiser listed
 * them, with its status in plain English. Rendered as a page by the theme and written as JSON by
 * {@link HealthReportWriter}.
 *
 * @param generated when the run happened
 * @param feeds     one report per subscription
 */
public record HealthReport(Instant generated, List<FeedReport> feeds) {

    public HealthReport {
        Objects.requireNonNull(generated, "generated");
        feeds = List.copyOf(feeds);
    }

    /** Feeds fetched and read successfully this run (including "not modified"). */
    public long okCount() {
        return feeds.stream().filter(FeedReport::isSuccess).count();
    }

    public long failedCount() {
        return feeds.size() - okCount();
    }

    public List<FeedReport> failures() {
        return feeds.stream().filter(f -> !f.isSuccess()).toList();
    }

    /**
     * True when not one feed could be read this run (while there were feeds to read): the one case,
     * besides invalid configuration, where {@code lateral aggregate} exits with an error.
     */
    public boolean noFeedRead() {
        return !feeds.isEmpty() && okCount() == 0;
    }
}
