package org.lateral.aggregate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.lateral.safety.AddressPolicy;

/**
 * How the hub fetches: the limits every feed is held to and where the cache lives. Mapped from
 * the {@code hub:} section of {@code site.yaml}; the defaults are the documented ones.
 *
 * <pre>{@code
 * HubSettings settings = HubSettings.defaults(hubDir.resolve(".lateral-cache"))
 *         .withTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param timeout           the whole-request deadline per feed: connecting, redirects, headers and body
 * @param maxFeedSize       the most bytes read for one feed, counted on what is streamed and again
 *                          after gzip decompression
 * @param concurrency       how many feeds are fetched at the same time
 * @param userAgent         the {@code User-Agent} header; name the hub so feed owners know who reads them
 * @param cacheDir          a folder outside the output for validators, last good bodies and first-seen times
 * @param maxEntriesPerFeed the newest entries kept from each feed (bounds memory for huge feeds)
 * @param feedDeadline      the most time one feed may take as a whole: fetching, reading and sanitising
 * @param runDeadline       the most time the whole collection of every feed may take; feeds not done
 *                          by then are reported as not read (and keep their last good entries)
 * @param addressPolicy     which network addresses may be fetched ({@link AddressPolicy}: public ones
 *                          only unless {@code network: allow:} or {@code --allow-address} says otherwise)
 * @param memoryBudget      the most bytes of feed data held at once across concurrent feeds, or 0 for
 *                          the default: half the Java heap
 */
public record HubSettings(Duration timeout, long maxFeedSize, int concurrency, String userAgent, Path cacheDir,
                          int maxEntriesPerFeed, Duration feedDeadline, Duration runDeadline,
                          AddressPolicy addressPolicy, long memoryBudget) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_FEED_SIZE = 5L * 1024 * 1024;
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int DEFAULT_MAX_ENTRIES_PER_FEED = 50;
    public static final String DEFAULT_USER_AGENT = userAgentFor(Optional.empty());
    public static final Duration DEFAULT_FEED_DEADLINE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RUN_DEADLINE = Duration.ofMinutes(15);

    public HubSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 ms and 10 minutes, not " + timeout);
        }
        if (maxFeedSize < 1024 || maxFeedSize > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("maxFeedSize must be between 1 KB and 1 GB, not " + maxFeedSize);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256, not " + concurrency);
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII on one line");
        }
        if (maxEntriesPerFeed < 1) {
            throw new IllegalArgumentException("maxEntriesPerFeed must be at least 1");
        }
        Objects.requireNonNull(feedDeadline, "feedDeadline");
        Objects.requireNonNull(runDeadline, "runDeadline");
        Objects.requireNonNull(addressPolicy, "addressPolicy");
        if (feedDeadline.isNegative() || feedDeadline.isZero() || feedDeadline.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("feedDeadline must be between 1 ms and 30 minutes, not " + feedDeadline);
        }
        if (runDeadline.isNegative() || runDeadline.isZero() || runDeadline.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("runDeadline must be between 1 ms and 24 hours, not " + runDeadline);
        }
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("memoryBudget must be 0 (half the heap) or more");
        }
    }

    /** The settings of earlier versions, with the default deadlines, address policy and memory budget. */
    public HubSettings(Duration timeout, long maxFeedSize, int concurrency, String userAgent, Path cacheDir,
                       int maxEntriesPerFeed) {
        this(timeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed, DEFAULT_FEED_DEADLINE,
                DEFAULT_RUN_DEADLINE, AddressPolicy.publicOnly(), 0);
    }

    /** {@link #memoryBudget} in bytes: as configured, else half of the most heap this JVM may use. */
    public long effectiveMemoryBudget() {
        return memoryBudget > 0 ? memoryBudget : Runtime.getRuntime().maxMemory() / 2;
    }

    /** The documented defaults: 10 s, 5 MB, 16 at a time, Lateral's User-Agent, 50 entries a feed. */
    public static HubSettings defaults(Path cacheDir) {
        return new HubSettings(DEFAULT_TIMEOUT, DEFAULT_MAX_FEED_SIZE, DEFAULT_CONCURRENCY, DEFAULT_USER_AGENT,
                cacheDir, DEFAULT_MAX_ENTRIES_PER_FEED);
    }

    /** {@code Lateral/<version> (feed aggregator; +<hub url>)}, the hub's address when it is known. */
    public static String userAgentFor(Optional<URI> hubUrl) {
        String version = Optional.ofNullable(HubSettings.class.getPackage().getImplementationVersion()).orElse("dev");
        return "Lateral/" + version + " (community hub feed aggregator"
                + hubUrl.map(u -> "; +" + u.toASCIIString()).orElse("") + ")";
    }

    public HubSettings withTimeout(Duration newTimeout) {
        return new HubSettings(newTimeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed, feedDeadline, runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withMaxFeedSize(long newMaxFeedSize) {
        return new HubSettings(timeout, newMaxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed, feedDeadline, runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withConcurrency(int newConcurrency) {
        return new HubSettings(timeout, maxFeedSize, newConcurrency, userAgent, cacheDir, maxEntriesPerFeed, feedDeadline, runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withUserAgent(String newUserAgent) {
        return new HubSettings(timeout, maxFeedSize, concurrency, newUserAgent, cacheDir, maxEntriesPerFeed, feedDeadline, runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withCacheDir(Path newCacheDir) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, newCacheDir, maxEntriesPerFeed, feedDeadline, runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withMaxEntriesPerFeed(int newMax) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cacheDir, newMax, feedDeadline,
                runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withFeedDeadline(Duration newDeadline) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed, newDeadline,
                runDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withRunDeadline(Duration newDeadline) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed,
                feedDeadline, newDeadline, addressPolicy, memoryBudget);
    }

    public HubSettings withAddressPolicy(AddressPolicy newPolicy) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed,
                feedDeadline, runDeadline, newPolicy, memoryBudget);
    }

    public HubSettings withMemoryBudget(long newBudget) {
        return new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cacheDir, maxEntriesPerFeed,
                feedDeadline, runDeadline, addressPolicy, newBudget);
    }
}
