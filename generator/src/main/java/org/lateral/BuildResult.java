package org.lateral;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful build wrote.
 *
 * @param output   the output folder
 * @param files    files written (pages, feeds, copied files)
 * @param htmlPages HTML pages rendered
 * @param posts    posts published
 * @param pages    standalone pages published
 * @param tags     tags
 * @param skipped  posts left out: drafts, scheduled (with the time they go live) and expired
 * @param warnings problems that did not stop the build
 * @param elapsed  wall time of the whole build
 * @param phases   wall time of each phase, in order (for {@code --profile})
 */
public record BuildResult(Path output, int files, int htmlPages, int posts, int pages, int tags,
        List<SkippedPost> skipped, List<Problem> warnings, Duration elapsed, Map<String, Duration> phases) {

    public BuildResult {
        Objects.requireNonNull(output, "output");
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /** A post left out of this build and why. */
    public record SkippedPost(Path source, String title, String reason, Optional<ZonedDateTime> goesLive) {
    }

    public long drafts() {
        return skipped.stream().filter(s -> s.reason().equals("draft")).count();
    }

    public long scheduled() {
        return skipped.stream().filter(s -> s.reason().equals("scheduled")).count();
    }
}
