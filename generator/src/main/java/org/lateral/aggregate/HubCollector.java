package org.lateral.aggregate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.CachedFeed;
import org.lateral.aggregate.fetch.FeedCache;
import org.lateral.aggregate.fetch.FetchResult;
import org.lateral.aggregate.fetch.Fetcher;
import org.lateral.aggregate.fetch.Validators;
import org.lateral.aggregate.parse.FeedContext;
import org.lateral.aggregate.parse.FeedParser;
import org.lateral.aggregate.parse.ParsedFeed;
import org.lateral.safety.Sanitizer;

/**
 * Gathers a hub's entries: every subscription is fetched (concurrently, within the limits of
 * {@link HubSettings}), read, sanitised and merged, and each one's fate goes into the
 * {@link HealthReport}. This is what {@code Lateral.aggregate(...)} calls before rendering.
 *
 * <p>One bad feed never empties the hub: when a feed fails (it times out, is too large, is
 * broken, has gone), the member keeps the entries of its last good fetch, read again from the
 * cache, and the report says so. A 304 reuses the cached body. The cache is updated only with
 * bodies that were read successfully.
 *
 * <pre>{@code
 * HubCollector collector = new HubCollector(HubSettings.defaults(hubDir.resolve(".lateral-cache")));
 * Collected hub = collector.collect(members, (report, done, total) ->
 *         System.out.printf("[%d/%d] %s%n", done, total, report.format()));
 * }</pre>
 *
 * <p>Build one per run. {@link #collect} may be called from one thread at a time per cache folder.
 */
public final class HubCollector {

    private final HubSettings settings;
    private final Clock clock;
    private final Fetcher fetcher;
    private final FeedParser parser;
    private final FeedCache cache;

    public HubCollector(HubSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With a clock of the caller's choice (tests fix "now" to check the date policy). */
    public HubCollector(HubSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = new Fetcher(settings);
        this.parser = new FeedParser(Sanitizer.create(), settings.maxEntriesPerFeed());
        this.cache = new FeedCache(settings.cacheDir());
    }

    public Collected collect(List<Subscription> subscriptions) {
        return collect(subscriptions, HubProgress.NONE);
    }

    /**
     * Fetches, reads and merges every subscription.
     *
     * @throws LateralException when two subscriptions share an id or the cache folder cannot be
     *                          created: problems of the configuration, found before any fetch
     */
    public Collected collect(List<Subscription> subscriptions, HubProgress progress) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(progress, "progress");
        checkIds(subscriptions);
        try {
            Files.createDirectories(cache.dir());
        } catch (IOException e) {
            throw new LateralException(Problem.general("the hub cache folder " + cache.dir() + " cannot be created",
                    "set hub.cache in site.yaml to a folder Lateral can write to, outside the output folder"));
        }
        Instant now = clock.instant();
        int total = subscriptions.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), total)),
                workers());
        try {
            List<Future<Outcome>> futures = new ArrayList<>(total);
            for (Subscription member : subscriptions) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = collectOne(member, now);
                    progress.feedDone(outcome.report(), done.incrementAndGet(), total);
                    return outcome;
                }));
            }
            List<Entry> entries = new ArrayList<>();
            List<FeedReport> reports = new ArrayList<>(total);
            for (Future<Outcome> future : futures) {
                Outcome outcome = await(future);
                entries.addAll(outcome.entries());
                reports.add(outcome.report());
            }
            return new Collected(EntryMerger.merge(entries), new HealthReport(now, reports));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(List<Entry> entries, FeedReport report) {
    }

    private Outcome collectOne(Subscription member, Instant now) {
        long start = System.nanoTime();
        FeedLocation feed = member.feed();
        Optional<CachedFeed> cached = cache.load(feed);
        Optional<byte[]> cachedBody = cached.flatMap(c -> cache.body(feed, c));
        Validators validators = cachedBody.isPresent() ? cached.get().validators() : Validators.NONE;
        Map<String, Instant> firstSeen = cached.map(CachedFeed::firstSeen).orElse(Map.of());

        FetchResult fetched = fetcher.fetch(feed, validators);
        FeedStatus status = fetched.status();
        if (status.kind() == FeedStatus.Kind.NOT_MODIFIED && cachedBody.isEmpty()) {
            fetched = fetcher.fetch(feed, Validators.NONE); // a 304 for a body the hub no longer has
            status = fetched.status();
        }
        if (status.kind() == FeedStatus.Kind.OK) {
            ParsedFeed parsed = parse(member, fetched.body(), fetched.finalUri(), fetched.charset(), now, firstSeen);
            if (parsed.status().isSuccess()) {
                cache.storeGood(feed, fetched.body(), fetched.validators(), fetched.charset(), now,
                        parsed.firstSeen());
                return outcome(member, parsed.entries(), status, false, Optional.of(now), now, start, fetched.movedTo());
            }
            status = parsed.status();
        } else if (status.kind() == FeedStatus.Kind.NOT_MODIFIED && cachedBody.isEmpty()) {
            status = FeedStatus.unreadable("the server answers \"not modified\" although the hub asked for the whole feed");
        } else if (status.kind() == FeedStatus.Kind.NOT_MODIFIED) {
            ParsedFeed parsed = parse(member, cachedBody.get(), fetched.finalUri(), cached.get().charset(), now,
                    firstSeen);
            if (parsed.status().isSuccess()) {
                cache.writeMeta(feed, cached.get().confirmed(now, parsed.firstSeen()));
                return outcome(member, parsed.entries(), status, false, Optional.of(now), now, start, fetched.movedTo());
            }
            status = parsed.status();
        }
        // This run failed: keep the entries of the last good fetch.
        if (cachedBody.isPresent()) {
            ParsedFeed previous = parse(member, cachedBody.get(), feed.uri(), cached.get().charset(), now, firstSeen);
            if (previous.status().isSuccess()) {
                return outcome(member, previous.entries(), status, true, Optional.of(cached.get().lastGoodFetch()),
                        now, start, fetched.movedTo());
            }
        }
        return outcome(member, List.of(), status, false, cached.map(CachedFeed::lastGoodFetch), now, start,
                fetched.movedTo());
    }

    private ParsedFeed parse(Subscription member, byte[] body, URI documentUri, Optional<String> charset, Instant now,
                             Map<String, Instant> firstSeen) {
        return parser.parse(body, new FeedContext(member, documentUri, charset, now, firstSeen));
    }

    private static Outcome outcome(Subscription member, List<Entry> entries, FeedStatus status, boolean fromCache,
                                   Optional<Instant> lastGood, Instant now, long start, Optional<URI> movedTo) {
        FeedReport report = new FeedReport(member.id(), member.name(), member.feed().display(), status,
                entries.size(), fromCache, lastGood, now, Duration.ofNanos(System.nanoTime() - start), movedTo);
        return new Outcome(entries, report);
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the hub run was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause; // a fault of the machine (the cache) or of Lateral itself
            }
            throw new IllegalStateException("collecting a feed failed", cause);
        }
    }

    private static void checkIds(List<Subscription> subscriptions) {
        Set<String> ids = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Subscription member : subscriptions) {
            if (!ids.add(member.id())) {
                problems.add(Problem.general("two members have the id \"" + member.id() + "\"",
                        "give one of them another id (or name) in the hub's members list"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lateral-hub-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
