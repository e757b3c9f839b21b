package org.lateral;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lateral.aggregate.HealthReport;

/**
 * What a hub run did. A run whose configuration is valid always returns a result, even when feeds
 * failed: they are in {@link #report()}. Only when not one feed could be read ({@link #noFeedRead()})
 * is nothing written, and the previous hub is left as it was.
 *
 * @param output   the output folder
 * @param written  whether the hub was written (false only when no feed could be read)
 * @param members  members subscribed
 * @param entries  entries on the hub after merging (including those kept from failed feeds' last good fetch)
 * @param files    files written
 * @param report   how every feed fared
 * @param warnings problems that did not stop the run
 * @param elapsed  wall time of the whole run
 * @param phases   wall time of each phase, in order (load, collect, plan, copy, render, swap; for {@code --profile})
 */
public record AggregateResult(Path output, boolean written, int members, int entries, int files,
        HealthReport report, List<Problem> warnings, Duration elapsed, Map<String, Duration> phases) {

    public AggregateResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(report, "report");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(elapsed, "elapsed");
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    }

    /** Feeds fetched and read this run (a "not modified" answer counts). */
    public long okFeeds() {
        return report.okCount();
    }

    /** Feeds that failed this run; their members keep the entries of their last good fetch. */
    public long failedFeeds() {
        return report.failedCount();
    }

    /** True when not one feed could be read: nothing was written, and the command exits with an error. */
    public boolean noFeedRead() {
        return report.noFeedRead();
    }

    /**
     * The lines the command line and the Maven plugin print after a run: the counts, then where to
     * open the hub and its health page (or, when no feed could be read, that the hub was left alone).
     *
     * @param relativeTo the output folder is shown relative to this folder when it lies inside it
     */
    public List<String> summaryLines(Path relativeTo) {
        List<String> lines = new ArrayList<>();
        String feeds = report.feeds().size() + (report.feeds().size() == 1 ? " feed" : " feeds");
        if (!written) {
            lines.add("No feed could be read (" + feeds + " tried), so the hub was not written and "
                    + shown(relativeTo) + " was left as it was. Each feed's problem is listed above.");
            return lines;
        }
        lines.add("Aggregated " + feeds + ": " + okFeeds() + " read, " + failedFeeds() + " failed; "
                + entries + (entries == 1 ? " entry" : " entries") + " from " + members
                + (members == 1 ? " member" : " members") + ", " + files + " files in " + elapsed.toMillis() + " ms");
        lines.add("Open " + shown(relativeTo).resolve("index.html") + " in a browser; feed health: "
                + shown(relativeTo).resolve("health").resolve("index.html"));
        return lines;
    }

    private Path shown(Path relativeTo) {
        try {
            Path rel = relativeTo.toAbsolutePath().relativize(output.toAbsolutePath());
            if (!rel.startsWith("..") && !rel.toString().isEmpty()) {
                return rel;
            }
        } catch (IllegalArgumentException e) {
            // different roots: keep the absolute path
        }
        return output;
    }
}
