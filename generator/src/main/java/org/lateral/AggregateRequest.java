package org.lateral;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 * @param allowAddresses internal addresses or CIDR ranges the hub may fetch from, on top of the
 *                 public internet and site.yaml's {@code network: allow:} ({@code --allow-address})
 * @param projectDir the folder local feed files must lie in; the hub's folder when empty
 * @param cache    the fetch cache's folder when site.yaml's {@code hub.cache} does not say;
 *                 {@code hubDir/.lateral-cache} when empty (the Maven plugin uses {@code target/lateral-cache})
 * @param caller   the tool the person is using, whose commands the fixes in messages name
 */
public record AggregateRequest(Path hubDir, Optional<Path> output, Clock clock, HubProgress progress,
                               List<String> allowAddresses, Optional<Path> projectDir,
                               Optional<Path> cache, Caller caller) {

    public AggregateRequest {
        Objects.requireNonNull(hubDir, "hubDir");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
        allowAddresses = List.copyOf(allowAddresses);
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(caller, "caller");
    }

    public AggregateRequest(Path hubDir, Optional<Path> output, Clock clock, HubProgress progress) {
        this(hubDir, output, clock, progress, List.of(), Optional.empty(), Optional.empty(), Caller.COMMAND_LINE);
    }

    /** Aggregates {@code hubDir} into {@code hubDir/public}, now, quietly. */
    public static AggregateRequest of(Path hubDir) {
        return new AggregateRequest(hubDir, Optional.empty(), Clock.systemUTC(), HubProgress.NONE);
    }

    public AggregateRequest withOutput(Path dir) {
        return new AggregateRequest(hubDir, Optional.of(dir), clock, progress, allowAddresses, projectDir, cache, caller);
    }

    public AggregateRequest withClock(Clock c) {
        return new AggregateRequest(hubDir, output, c, progress, allowAddresses, projectDir, cache, caller);
    }

    public AggregateRequest withProgress(HubProgress p) {
        return new AggregateRequest(hubDir, output, clock, p, allowAddresses, projectDir, cache, caller);
    }

    /** Also allows these addresses or CIDR ranges ({@code "127.0.0.1"}, {@code "10.1.0.0/16"}). */
    public AggregateRequest withAllowAddresses(List<String> addresses) {
        return new AggregateRequest(hubDir, output, clock, progress, addresses, projectDir, cache, caller);
    }

    /** Local feed files may lie anywhere in {@code dir} (which holds the hub's folder), not only in the hub's folder. */
    public AggregateRequest withProjectDir(Path dir) {
        return new AggregateRequest(hubDir, output, clock, progress, allowAddresses, Optional.of(dir), cache, caller);
    }

    /** Keeps the fetch cache in {@code dir} unless site.yaml's {@code hub.cache} names a folder. */
    public AggregateRequest withCache(Path dir) {
        return new AggregateRequest(hubDir, output, clock, progress, allowAddresses, projectDir, Optional.of(dir), caller);
    }

    public AggregateRequest withCaller(Caller c) {
        return new AggregateRequest(hubDir, output, clock, progress, allowAddresses, projectDir, cache, c);
    }

    /** The output folder this request writes to. */
    public Path outputDir() {
        return output.orElse(hubDir.resolve("public"));
    }

    /** The fetch cache's folder when site.yaml does not name one. */
    public Path cacheDir() {
        return cache.orElse(hubDir.resolve(".lateral-cache"));
    }
}
