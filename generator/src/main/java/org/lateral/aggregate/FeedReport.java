package org.lateral.aggregate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one subscription fared in a run: a line of the feed-health page.
 *
 * @param memberId          the member's id
 * @param memberName        the member's name
 * @param feed              the feed's location as the organiser wrote it (URL or path)
 * @param status            what happened, with a message and a fix in plain English
 * @param entryCount        how many of the member's entries the hub shows after this run
 * @param fromLastGoodFetch true when this run failed and the entries shown are those of the last
 *                          good fetch, kept from the cache
 * @param lastGoodFetch     when the feed was last fetched and read successfully (this run if it worked)
 * @param checked           when this run fetched it
 * @param elapsed           how long fetching and reading took
 * @param movedTo           the feed's new address when it redirects permanently: update the subscription
 */
public record FeedReport(String memberId, String memberName, String feed, FeedStatus status, int entryCount,
                         boolean fromLastGoodFetch, Optional<Instant> lastGoodFetch, Instant checked,
                         Duration elapsed, Optional<URI> movedTo) {

    public FeedReport {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastGoodFetch, "lastGoodFetch");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(movedTo, "movedTo");
        entryCount = Math.max(0, entryCount);
    }

    public boolean isSuccess() {
        return status.isSuccess();
    }

    /** One line for the console: {@code ann-teacher: timed out after 10 s — fix: …}. */
    public String format() {
        String kept = fromLastGoodFetch ? " (showing " + entryCount + " entries from the last good fetch)" : "";
        String moved = movedTo.map(u -> " (moved permanently to " + u + ": update the subscription)").orElse("");
        return memberId + ": " + status.message() + kept + moved
                + (status.fix().isEmpty() ? "" : " — fix: " + status.fix());
    }
}
