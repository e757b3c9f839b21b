package org.lateral.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * What {@link HubCollector#collect} gathered: the hub's entries, merged (no duplicates, newest
 * first), and the feed-health report.
 *
 * @param entries every member's entries, including those kept from a failed feed's last good fetch
 * @param report  one line per subscription
 */
public record Collected(List<Entry> entries, HealthReport report) {
    public Collected {
        entries = List.copyOf(entries);
        Objects.requireNonNull(report, "report");
    }
}
