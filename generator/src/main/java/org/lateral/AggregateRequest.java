package org.lateral;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.lateral.aggregate.HubProgress;

/**
 * What to aggregate: a hub folder (a site whose {@code site.yaml} has a {@code hub:} section), and how.
 *
 * <pre>{@code
 * AggregateResult r = Lateral.aggregate(AggregateRequest.of(Path.of("hub"))
 *         .withProgress((report, done, total) -> System.out.println(report.format())));
 * }</pre>
 *
 * @param hubDir   the folder holding site.yaml
 * @param output   where to write; {@code hubDir/public} when empty
 * @param clock    the time of the run: what "now" is for dates, the digest and the report
 * @param progress told about each feed as soon as it is done (from worker threads)
 */
public record AggregateRequest(Path hubDir, Optional<Path> output, Clock clock, HubProgress progress) {

    public AggregateRequest {
        Objects.requireNonNull(hubDir, "hubDir");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
    }

    /** Aggregates {@code hubDir} into {@code hubDir/public}, now, quietly. */
    public static AggregateRequest of(Path hubDir) {
        return new AggregateRequest(hubDir, Optional.empty(), Clock.systemUTC(), HubProgress.NONE);
    }

    public AggregateRequest withOutput(Path dir) {
        return new AggregateRequest(hubDir, Optional.of(dir), clock, progress);
    }

    public AggregateRequest withClock(Clock c) {
        return new AggregateRequest(hubDir, output, c, progress);
    }

    public AggregateRequest withProgress(HubProgress p) {
        return new AggregateRequest(hubDir, output, clock, p);
    }

    /** The output folder this request writes to. */
    public Path outputDir() {
        return output.orElse(hubDir.resolve("public"));
    }
}
