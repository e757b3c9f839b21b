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
 * @param notes     what else the run could not do and the organiser may want to know (a post's page
 *                  that could not be read for the posts it answers, {@link ReplyPages}); never a failure
 */
public record HealthReport(Instant generated, List<FeedReport> feeds, List<Note> notes) {

    /**
     * One thing the run could not do, for one member.
     *
     * @param message what happened, plain text
     * @param fix     what to do, plain text
     */
    public record Note(String memberId, String memberName, String message, String fix) {
        public Note {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(memberName, "memberName");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fix, "fix");
        }
    }

    public HealthReport {
        Objects.requireNonNull(generated, "generated");
        feeds = List.copyOf(feeds);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public HealthReport(Instant generated, List<FeedReport> feeds) {
        this(generated, feeds, List.of());
    }

    /** The same report with these notes added. */
    public HealthReport withNotes(List<Note> more) {
        List<Note> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new HealthReport(generated, feeds, all);
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
