package org.lateral.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link HubCollector#collect} gathered: the hub's entries, merged (no duplicates, newest
 * first), and the feed-health report.
 *
 * @param entries every member's entries, including those kept from a failed feed's last good fetch
 * @param report  one line per subscription
 * @param byMember each member's own entries (duplicates removed within the member only), newest
 *                 first: what the member's page shows, which no other member's feed can change
 */
public record Collected(List<Entry> entries, HealthReport report, Map<String, List<Entry>> byMember) {
    public Collected {
        entries = List.copyOf(entries);
        Objects.requireNonNull(report, "report");
        Map<String, List<Entry>> copy = new LinkedHashMap<>();
        byMember.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byMember = Collections.unmodifiableMap(copy);
    }

    /** The river and report, each member's page showing their entries that are in the river. */
    public Collected(List<Entry> entries, HealthReport report) {
        this(entries, report, EntryMerger.byMember(entries));
    }
}
