package org.lateral.aggregate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.ByteBudget;
import org.lateral.aggregate.fetch.CachedFeed;
import org.lateral.aggregate.fetch.FeedCache;
import org.lateral.aggregate.fetch.FetchResult;
import org.lateral.aggregate.fetch.Fetcher;
import org.lateral.aggregate.fetch.Validators;
import org.lateral.aggregate.parse.FeedContext;
import org.lateral.aggregate.parse.FeedParser;
import org.lateral.aggregate.parse.ParsedFeed;
import org.lateral.aggregate.parse.ReadFeed;
import org.lateral.aggregate.parse.ReadFeedFile;
import org.lateral.safety.Deadline;
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
    private final ByteBudget budget;
    private final ReadFeedFile readFiles;

    public HubCollector(HubSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With a clock of the caller's choice (tests fix "now" to check the date policy). */
    public HubCollector(HubSettings settings, Clock clock) {
        this(settings, clock, Sanitizer.version());
    }

    /**
     * With the sanitiser's version of the caller's choice: read feeds kept by another version are
     * read again from their bodies (tests play a newer sanitiser this way).
     */
    HubCollector(HubSettings settings, Clock clock, String sanitizerVersion) {
        this.readFiles = new ReadFeedFile(sanitizerVersion);
        FeedLinks.all(new byte[] {'<', 'r', '/', '>'}); // loads the XML stream reader now, not inside a feed's deadline
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = new Fetcher(settings);
        this.parser = new FeedParser(Sanitizer.create(), settings.maxEntriesPerFeed());
        this.cache = new FeedCache(settings.cacheDir());
        this.budget = new ByteBudget(settings.effectiveMemoryBudget());
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
        // Seconds are the precision of every date the hub writes (a valid HTML datetime, stable JSON).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Deadline run = Deadline.in(settings.runDeadline());
        int total = subscriptions.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), total)),
                workers());
        try {
            List<Task> tasks = new ArrayList<>(total);
            for (Subscription member : subscriptions) {
                Task task = new Task(member, new AtomicLong(), new AtomicBoolean());
                task.future = pool.submit(() -> {
                    Outcome outcome = collectSafely(member, now, task.started());
                    if (task.reported().compareAndSet(false, true)) {
                        progress.feedDone(outcome.report(), done.incrementAndGet(), total);
                    }
                    return outcome;
                });
                tasks.add(task);
            }
            List<Entry> entries = new ArrayList<>();
            List<FeedReport> reports = new ArrayList<>(total);
            for (Task task : tasks) {
                Outcome outcome = await(task, run, now);
                if (task.reported().compareAndSet(false, true)) {
                    progress.feedDone(outcome.report(), done.incrementAndGet(), total);
                }
                entries.addAll(outcome.entries());
                reports.add(outcome.report());
            }
            // summary-only entries: the links of their own pages, read once (for conversations)
            ReplyPages.Result pages = new ReplyPages(cache.dir(), fetcher, settings).read(entries, subscriptions, run);
            entries = pages.entries();
            return new Collected(EntryMerger.merge(entries, subscriptions),
                    new HealthReport(now, reports, pages.notes()), EntryMerger.byMember(entries));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One member's work in the pool: when its own deadline started (0: still waiting for a thread or
     * for memory) and whether it was reported.
     */
    private static final class Task {
        private final Subscription member;
        private final AtomicLong started;
        private final AtomicBoolean reported;
        private Future<Outcome> future;

        Task(Subscription member, AtomicLong started, AtomicBoolean reported) {
            this.member = member;
            this.started = started;
            this.reported = reported;
        }

        AtomicLong started() {
            return started;
        }

        AtomicBoolean reported() {
            return reported;
        }
    }

    /**
     * The last line of defence at the per-feed boundary: whatever goes wrong inside one feed's
     * work (a library's runtime exception, a stack overflow) is that feed's failure, never the run's.
     */
    private Outcome collectSafely(Subscription member, Instant now, AtomicLong started) {
        long start = System.nanoTime();
        try {
            return collectOne(member, now, started);
        } catch (RuntimeException | StackOverflowError e) {
            return outcome(member, List.of(), FeedStatus.internalError(), false, Optional.empty(), now, start,
                    Optional.empty());
        }
    }

    private record Outcome(List<Entry> entries, FeedReport report) {
    }

    private Outcome collectOne(Subscription member, Instant now, AtomicLong started) {
        long start = System.nanoTime();
        ByteBudget.Reservation reservation;
        try {
            reservation = budget.reserve(budget.costOf(settings.maxFeedSize()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(member, List.of(), FeedStatus.interrupted(), false, Optional.empty(), now, start,
                    Optional.empty());
        }
        try (reservation) {
            // The feed's own deadline (and the watchdog's clock) start once it may hold its bytes:
            // waiting for memory is not its fault.
            started.set(System.nanoTime());
            return collectOne(member, now, System.nanoTime(), Deadline.in(settings.feedDeadline()), reservation);
        }
    }

    private Outcome collectOne(Subscription member, Instant now, long start, Deadline deadline,
                               ByteBudget.Reservation reservation) {
        FeedLocation feed = member.feed();
        Optional<CachedFeed> cached = cache.load(feed);
        // The body itself is only read when needed: a 304 for a feed read before is answered from its read entries.
        Validators validators = cached.isPresent() && cache.hasBody(feed) ? cached.get().validators() : Validators.NONE;
        Map<String, Instant> firstSeen = cached.map(CachedFeed::firstSeen).orElse(Map.of());

        FetchResult fetched = fetcher.fetch(feed, validators, deadline.at());
        FeedStatus status = fetched.status();
        Optional<ParsedFeed> previous = Optional.empty();
        if (status.kind() == FeedStatus.Kind.NOT_MODIFIED && cached.isPresent()) {
            previous = lastGood(member, cached.get(), fetched.finalUri(), now, deadline, reservation, 0);
        }
        if (status.kind() == FeedStatus.Kind.NOT_MODIFIED && previous.isEmpty()) {
            fetched = fetcher.fetch(feed, Validators.NONE, deadline.at()); // a 304 for a body the hub no longer has
            status = fetched.status();
        }
        if (status.kind() == FeedStatus.Kind.OK) {
            FetchResult got = fetched;
            // what this feed really holds from now on (its last good body is read again if this one fails)
            reservation.shrinkTo(budget.costOf(got.body().length + (cached.isPresent() ? cache.bodySize(feed) : 0)));
            ReadFeedFile.Source source = new ReadFeedFile.Source(ReadFeedFile.sha256(got.body()), got.finalUri(),
                    got.charset());
            // The same bytes as last time (a server without validators): the entries read then are reused.
            Optional<ReadFeed> same = cached.filter(c -> c.bodySha256().equals(source.bodySha256()))
                    .flatMap(c -> storedRead(feed, source));
            FeedParser.Read read = same.map(r -> new FeedParser.Read(FeedStatus.ok(), Optional.of(r)))
                    .orElseGet(() -> parser.read(got.body(), got.finalUri(), got.charset(), deadline));
            if (read.feed().isPresent()) {
                ParsedFeed parsed = parser.finish(read.feed().get(),
                        new FeedContext(member, got.finalUri(), got.charset(), now, firstSeen));
                // what the body links (calendar, community file), found now so later steps need not read it again
                Optional<Map<String, String>> links = same.isPresent()
                        ? cached.get().links().or(() -> Optional.of(FeedLinks.all(got.body())))
                        : Optional.of(FeedLinks.all(got.body()));
                cache.storeGood(feed, got.body(), got.validators(), got.charset(), now, parsed.firstSeen(), links);
                if (same.isEmpty()) {
                    cache.storeRead(feed, readFiles.encode(read.feed().get(), source));
                }
                return outcome(member, parsed.entries(), status, false, Optional.of(now), now, start, got.movedTo());
            }
            status = read.status();
        } else if (status.kind() == FeedStatus.Kind.NOT_MODIFIED && previous.isEmpty()) {
            status = FeedStatus.unreadable("the server answers \"not modified\" although the hub asked for the whole feed");
        } else if (status.kind() == FeedStatus.Kind.NOT_MODIFIED) {
            ParsedFeed parsed = previous.get();
            if (parsed.status().isSuccess()) {
                CachedFeed confirmed = cached.get().confirmed(now, parsed.firstSeen());
                if (confirmed.links().isEmpty()) { // a record from before links were kept: found once, from the body
                    confirmed = confirmed.withLinks(cache.body(feed, confirmed).map(FeedLinks::all));
                }
                cache.writeMeta(feed, confirmed);
                return outcome(member, parsed.entries(), status, false, Optional.of(now), now, start, fetched.movedTo());
            }
            status = parsed.status();
        }
        // This run failed: keep the entries of the last good fetch.
        if (cached.isPresent()) {
            // The last good body was read in time before; it gets a deadline of its own.
            Optional<ParsedFeed> last = lastGood(member, cached.get(), feed.uri(), now,
                    Deadline.in(settings.feedDeadline()), reservation, fetched.body().length);
            if (last.isPresent() && last.get().status().isSuccess()) {
                return outcome(member, last.get().entries(), status, true, Optional.of(cached.get().lastGoodFetch()),
                        now, start, fetched.movedTo());
            }
        }
        return outcome(member, List.of(), status, false, cached.map(CachedFeed::lastGoodFetch), now, start,
                fetched.movedTo());
    }

    /**
     * The entries of the last good body as this run shows them: from the cache of read feeds when
     * that was made from the same bytes, address and charset by this sanitiser, else by reading the
     * body again (and keeping what was read). Empty when the hub no longer has a good body.
     */
    private Optional<ParsedFeed> lastGood(Subscription member, CachedFeed cached, URI document, Instant now,
                                          Deadline deadline, ByteBudget.Reservation reservation, long alsoHeld) {
        FeedLocation feed = member.feed();
        FeedContext context = new FeedContext(member, document, cached.charset(), now, cached.firstSeen());
        ReadFeedFile.Source source = new ReadFeedFile.Source(cached.bodySha256(), document, cached.charset());
        Optional<byte[]> stored = cache.read(feed);
        Optional<ReadFeed> read = stored.flatMap(bytes -> readFiles.decode(bytes, source));
        if (read.isPresent()) {
            if (reservation != null) {
                reservation.shrinkTo(budget.costOf(alsoHeld + stored.get().length));
            }
            return Optional.of(parser.finish(read.get(), context));
        }
        Optional<byte[]> body = cache.body(feed, cached);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (reservation != null) {
            reservation.shrinkTo(budget.costOf(alsoHeld + body.get().length));
        }
        FeedParser.Read again = parser.read(body.get(), document, cached.charset(), deadline);
        if (again.feed().isEmpty()) {
            return Optional.of(ParsedFeed.failed(again.status()));
        }
        cache.storeRead(feed, readFiles.encode(again.feed().get(), source));
        return Optional.of(parser.finish(again.feed().get(), context));
    }

    /** The read entries kept for exactly this source, if any. */
    private Optional<ReadFeed> storedRead(FeedLocation feed, ReadFeedFile.Source source) {
        return cache.read(feed).flatMap(bytes -> readFiles.decode(bytes, source));
    }

    private static Outcome outcome(Subscription member, List<Entry> entries, FeedStatus status, boolean fromCache,
                                   Optional<Instant> lastGood, Instant now, long start, Optional<URI> movedTo) {
        FeedReport report = new FeedReport(member.id(), member.name(), member.feed().display(), status,
                entries.size(), fromCache, lastGood, now, Duration.ofNanos(System.nanoTime() - start), movedTo);
        return new Outcome(entries, report);
    }

    /**
     * Waits for one feed, at most until the run's deadline, and abandons a feed whose work overran
     * its own deadline twice over (the cooperative checks inside failed to stop it): either way the
     * member is reported, with the entries of its last good fetch, and the run goes on.
     */
    private Outcome await(Task task, Deadline run, Instant now) {
        long watchdog = settings.feedDeadline().multipliedBy(2).plusSeconds(1).toNanos();
        while (true) {
            long wait = run.remainingNanos();
            long started = task.started().get();
            if (started != 0) {
                wait = Math.min(wait, Math.max(0, started + watchdog - System.nanoTime()));
            } else {
                wait = Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200));
            }
            try {
                return task.future.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                boolean runOver = run.passed();
                long begun = task.started().get();
                if (runOver || begun != 0 && System.nanoTime() - begun >= watchdog) {
                    task.future.cancel(true);
                    FeedStatus status = runOver ? FeedStatus.notReadInTime(settings.runDeadline(), true)
                            : FeedStatus.notReadInTime(settings.feedDeadline(), false);
                    return fromCacheOnly(task.member, status, now);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.future.cancel(true);
                return fromCacheOnly(task.member, FeedStatus.interrupted(), now);
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                return fromCacheOnly(task.member, FeedStatus.internalError(), now);
            }
        }
    }

    /** A feed that was not read this run: its last good entries from the cache, if they can be read at once. */
    private Outcome fromCacheOnly(Subscription member, FeedStatus status, Instant now) {
        long start = System.nanoTime();
        try {
            Optional<CachedFeed> cached = cache.load(member.feed());
            if (cached.isPresent()) {
                Optional<ParsedFeed> previous = lastGood(member, cached.get(), member.feed().uri(), now,
                        Deadline.in(settings.feedDeadline()), null, 0);
                if (previous.isPresent() && previous.get().status().isSuccess()) {
                    return outcome(member, previous.get().entries(), status, true,
                            Optional.of(cached.get().lastGoodFetch()), now, start, Optional.empty());
                }
            }
            return outcome(member, List.of(), status, false, cached.map(CachedFeed::lastGoodFetch), now, start,
                    Optional.empty());
        } catch (RuntimeException e) {
            return outcome(member, List.of(), status, false, Optional.empty(), now, start, Optional.empty());
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
