package org.lateral.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Preview;
import org.lateral.Problem;
import org.lateral.ServeRequest;
import org.lateral.config.SiteConfigLoader;

/**
 * {@code lateral serve}: builds the site through one {@link BuildSession} into a private folder
 * (a new temporary folder, or the one asked for, never the site's {@code public/}), serves that
 * folder's last good build, and rebuilds when the site's files change, one build at a time.
 *
 * <p>After each build the open pages hear of it on the live channel ({@link LiveEvents}): a good
 * build says which pages it rendered (a rebuild) or that all may have changed (a clean build),
 * whether only stylesheets changed (the page swaps them without reloading), and where pages that
 * are gone went (a renamed post's new address, otherwise the home page); a build with problems
 * sends their {@code file:line:col: error: … — fix: …} lines, drawn over the page until the next
 * good build. When there never was a good build, the problems are the page.
 */
public final class PreviewServer implements Preview {

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final ServeRequest request;
    private final Path siteDir;
    private final Path staging;
    private final boolean ownStaging;
    private final Path output;
    private final BuildSession session = Lateral.session();
    private final HttpServer http;
    private final ExecutorService pool;
    /** The pool's threads, so that {@link #close} returns only once each has ended. */
    private final java.util.Queue<Thread> workers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final LiveEvents live = new LiveEvents();
    private final Debouncer debouncer;
    private final AtomicReference<SiteHandler.Served> served = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object buildMonitor = new Object();
    private final String origin;
    private Watcher watcher;
    private Thread builder;
    private volatile boolean closed;
    private boolean building;
    private volatile long builds;
    /** The last good build's number (0: none yet), its prefix and its pages' addresses. */
    private long good;
    private String prefix;
    private Set<String> pages = Set.of();
    /** The error event of the current build, when it failed; null when the last build was good. */
    private String errorFrame;
    private Set<String> warned = Set.of();
    /** Whether a build since the watcher started looked at every file (then builds are told what changed). */
    private boolean scannedSinceWatching;
    /** The site path the last build was asked to serve under (from site.yaml's baseUrl). */
    private String askedPrefix;

    private PreviewServer(ServeRequest request) {
        this.request = request;
        this.siteDir = request.siteDir().toAbsolutePath().normalize();
        if (SiteConfigLoader.find(siteDir).isEmpty()) {
            SiteConfigLoader.load(siteDir, new ArrayList<>(), request.caller());
        }
        this.debouncer = new Debouncer(request.quiet(), MAX_WAIT.compareTo(request.quiet()) > 0 ? MAX_WAIT
                : request.quiet().multipliedBy(4));
        this.prefix = readPrefix("/");
        try {
            InetAddress bind = InetAddress.getByName(request.bind());
            http = HttpServer.create(new InetSocketAddress(bind, request.port()), 64);
            String host = bind.isAnyLocalAddress() ? "127.0.0.1"
                    : bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
            origin = "http://" + host + ":" + http.getAddress().getPort();
            if (!bind.isLoopbackAddress()) {
                request.warn().accept("warning: the preview is open to other computers on your network (--bind "
                        + request.bind() + "): anyone who can reach this computer can read your drafts — fix: leave "
                        + "out " + option("--bind", "-Dlateral.bind") + " to keep it to this computer (127.0.0.1)");
            }
        } catch (BindException e) {
            throw new LateralException(Problem.general("port " + request.port() + " on " + request.bind()
                    + " is already in use (" + e.getMessage() + ")", "stop the other preview or server using it, "
                    + "or choose another port with " + option("--port 1314", "-Dlateral.port=1314")));
        } catch (IOException e) {
            throw new LateralException(Problem.general("cannot listen on " + request.bind() + ":" + request.port()
                    + " (" + e.getMessage() + ")", "check the address given to " + option("--bind", "-Dlateral.bind")
                    + ", or leave it out"));
        }
        try {
            if (request.staging().isPresent()) {
                staging = request.staging().get().toAbsolutePath().normalize();
                Files.createDirectories(staging);
                ownStaging = false;
            } else {
                staging = Files.createTempDirectory("lateral-serve-").toRealPath();
                ownStaging = true;
            }
        } catch (IOException e) {
            http.stop(0);
            throw new UncheckedIOException("cannot make the preview's folder", e);
        }
        output = staging.resolve("site");
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lateral-http-" + n.incrementAndGet());
            t.setDaemon(true);
            workers.add(t);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", new SiteHandler(served::get, new SiteHandler.Live() {
            @Override
            public void events(HttpExchange exchange, long since) throws IOException {
                openEvents(exchange, since);
            }

            @Override
            public void awaitBuild() {
                PreviewServer.this.awaitBuild();
            }
        }));
    }

    /** Starts a preview: see {@link Lateral#serve}. */
    public static Preview start(ServeRequest request) {
        PreviewServer p = new PreviewServer(request);
        try {
            p.begin();
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    private void begin() {
        live.start();
        build(Set.of());
        http.start();
        request.out().accept("Preview at " + address() + " — Ctrl-C to stop");
        Ignored ignored = new Ignored(siteDir, staging);
        if (request.poll().isPresent()) {
            watcher = new PollingWatcher(siteDir, ignored, debouncer, request.poll().get());
        } else {
            try {
                watcher = new TreeWatcher(siteDir, ignored, debouncer);
            } catch (TreeWatcher.OutOfWatches e) {
                request.warn().accept(outOfWatches(e.getMessage(), request.caller()));
                watcher = new PollingWatcher(siteDir, ignored, debouncer, ServeRequest.DEFAULT_POLL);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch " + siteDir + " for changes", e);
            }
        }
        builder = new Thread(this::rebuildLoop, "lateral-rebuild");
        builder.setDaemon(true);
        builder.start();
        if (request.open()) {
            BrowserOpener.open(address(), request.warn());
        }
    }

    /** What to say when the system has no file watches left. */
    static String outOfWatches(String why, Caller caller) {
        return "warning: the system has no file watches left (" + why + "), so the preview looks for changes "
                + "every " + ServeRequest.DEFAULT_POLL.toMillis() + " ms instead — fix: raise the limit with "
                + "'sudo sysctl fs.inotify.max_user_watches=524288' (add fs.inotify.max_user_watches=524288 to "
                + "/etc/sysctl.conf to keep it), close other programs that watch many files, or start with "
                + (caller == Caller.MAVEN ? "-Dlateral.poll=500" : "--poll") + " to say so yourself";
    }

    private String option(String commandLine, String maven) {
        return request.caller() == Caller.MAVEN ? maven : commandLine;
    }

    private void rebuildLoop() {
        try {
            while (!closed) {
                Set<Path> batch = debouncer.take();
                if (closed || batch.isEmpty()) {
                    return;
                }
                try {
                    build(batch);
                } catch (RuntimeException | Error e) {
                    request.warn().accept("error: Lateral failed after a change (" + e + ") — fix: save again, or "
                            + "restart the preview; report this if it stays");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The path of site.yaml's baseUrl ({@code /} or {@code /journal/}); {@code fallback} when unreadable. */
    private String readPrefix(String fallback) {
        try {
            String p = SiteConfigLoader.load(siteDir, new ArrayList<>(), request.caller()).basePath();
            return p.endsWith("/") ? p : p + "/";
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void build(Set<Path> changes) {
        synchronized (buildMonitor) {
            building = true;
        }
        long n = builds + 1;
        long start = System.nanoTime();
        try {
            // The session is told what changed only when the watcher sees every change: the native
            // watcher (not --poll), after one full build since it started (the first build ran
            // before it watched). An overflow hands over the site folder, which makes a full build.
            boolean told = watcher instanceof TreeWatcher && scannedSinceWatching && !changes.isEmpty();
            boolean contentOnly = told && askedPrefix != null
                    && changes.stream().allMatch(c -> c.startsWith(siteDir.resolve("content")));
            String now = contentOnly ? askedPrefix : readPrefix(prefix); // site.yaml is read when it may have changed
            askedPrefix = now;
            BuildRequest br = BuildRequest.of(siteDir).withOutput(output).withDrafts(request.drafts())
                    .withFuture(request.drafts()).withBaseUrl(origin + now).withNow(request.clock().get())
                    .withCaller(request.caller());
            scannedSinceWatching |= watcher != null; // the session itself looks at everything after a failed scan
            BuildResult r = told ? session.build(br, changes) : session.build(br);
            good(n, r, changes, now, Duration.ofNanos(System.nanoTime() - start));
        } catch (LateralException e) {
            bad(n, e.problems(), changes);
        } catch (RuntimeException | Error e) {
            // a preview stays up: a fault of Lateral while building is reported and the next save tried
            bad(n, List.of(Problem.general("Lateral failed while building: " + e,
                    "the preview keeps going; save again, or restart it, and report this if it stays")), changes);
        } finally {
            builds = n;
            synchronized (buildMonitor) {
                building = false;
                buildMonitor.notifyAll();
            }
        }
    }

    private void good(long n, BuildResult r, Set<Path> changes, String newPrefix, Duration took) {
        boolean all = !r.work().incremental();
        List<String> urls = new ArrayList<>();
        for (String p : r.work().renderedOutputs()) {
            urls.add(url(newPrefix, p));
        }
        String oldPrefix = prefix;
        Set<String> before = pages;
        // The pages are listed again when the set may have changed: a clean build, a new site path, a
        // file gone (deleted or renamed), or a rebuild that rendered a page not seen before.
        boolean relist = all || !newPrefix.equals(oldPrefix) || changes.stream().anyMatch(c -> !Files.exists(c))
                || urls.stream().anyMatch(u -> u.endsWith("/") && !before.contains(u));
        Set<String> after = relist ? htmlPages(newPrefix) : before;
        Map<String, String> moved = new LinkedHashMap<>();
        if (good > 0 && after != before) {
            for (String gone : before) {
                if (!after.contains(gone)) {
                    moved.put(gone, newAddress(gone, oldPrefix, newPrefix, before, after));
                }
            }
        }
        boolean css = !changes.isEmpty() && changes.stream().allMatch(p -> p.getFileName() != null
                && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".css"));
        String json = "{\"build\":" + n + ",\"ms\":" + took.toMillis() + ",\"all\":" + all + ",\"css\":" + css
                + ",\"urls\":" + Json.list(urls) + ",\"moved\":" + Json.map(moved) + ",\"home\":"
                + Json.string(newPrefix) + ",\"pages\":" + r.htmlPages() + "}";
        synchronized (live) {
            good = n;
            prefix = newPrefix;
            pages = after;
            errorFrame = null;
            served.set(new SiteHandler.Served(output, newPrefix, n, null));
            live.send(LiveEvents.frame("ok", n, json));
        }
        for (Problem w : r.warnings()) {
            if (!warned.contains(w.format())) {
                request.warn().accept(w.format());
            }
        }
        warned = new HashSet<>(r.warnings().stream().map(Problem::format).toList());
        if (changes.isEmpty()) {
            request.out().accept("Built " + r.htmlPages() + (r.htmlPages() == 1 ? " page" : " pages") + " ("
                    + r.posts() + (r.posts() == 1 ? " post" : " posts") + (request.drafts()
                    ? ", drafts and scheduled posts shown" : ", drafts and scheduled posts left out") + ") in "
                    + took.toMillis() + " ms");
        } else {
            request.out().accept(describe(changes) + ": " + (all ? "built all " + r.htmlPages() + " pages"
                    : "rebuilt " + r.work().rendered() + (r.work().rendered() == 1 ? " output" : " outputs") + ", "
                    + r.work().written() + " changed") + " in " + took.toMillis() + " ms");
        }
    }

    /** Where a page that is gone went: the same page under a new site path, else the closest new page, else home. */
    private static String newAddress(String gone, String oldPrefix, String newPrefix, Set<String> before,
            Set<String> after) {
        if (!oldPrefix.equals(newPrefix) && gone.startsWith(oldPrefix)) {
            String same = newPrefix + gone.substring(oldPrefix.length());
            return after.contains(same) ? same : newPrefix;
        }
        List<String> added = after.stream().filter(a -> !before.contains(a)).sorted().toList();
        String best = newPrefix;
        int bestLength = newPrefix.length();
        for (String a : added) {
            int common = 0;
            while (common < a.length() && common < gone.length() && a.charAt(common) == gone.charAt(common)) {
                common++;
            }
            if (common > bestLength || (added.size() == 1 && best.equals(newPrefix))) {
                best = a;
                bestLength = Math.max(common, bestLength);
            }
        }
        return best;
    }

    private void bad(long n, List<Problem> problems, Set<Path> changes) {
        List<String> lines = problems.stream().map(Problem::format).toList();
        String frame = LiveEvents.frame("error", n, "{\"build\":" + n + ",\"lines\":" + Json.list(lines) + "}");
        synchronized (live) {
            errorFrame = frame;
            if (good == 0) {
                served.set(new SiteHandler.Served(output, prefix, 0, ErrorPage.html(lines)));
            }
            live.send(frame);
        }
        long errors = problems.stream().filter(Problem::isError).count();
        for (String line : lines) {
            request.warn().accept(line);
        }
        request.out().accept((changes.isEmpty() ? "The first build" : describe(changes)) + ": "
                + errors + (errors == 1 ? " error" : " errors") + "; "
                + (good == 0 ? "the preview shows them until they are fixed"
                : "the preview keeps the last good build and shows them over the page"));
    }

    private void openEvents(HttpExchange exchange, long since) throws IOException {
        synchronized (live) {
            StringBuilder first = new StringBuilder(LiveEvents.frame("hello", good,
                    "{\"build\":" + good + ",\"state\":" + Json.string(errorFrame == null ? "ok" : "error") + "}"));
            if (errorFrame != null) {
                first.append(errorFrame);
            } else if (since >= 0 && since < good) {
                first.append(LiveEvents.frame("ok", good, "{\"build\":" + good + ",\"all\":true,\"css\":false,"
                        + "\"urls\":[],\"moved\":{},\"home\":" + Json.string(prefix) + "}"));
            }
            live.open(exchange, first.toString());
        }
    }

    private void awaitBuild() {
        synchronized (buildMonitor) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (building && !closed) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    buildMonitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The addresses of the HTML pages in the output, under {@code prefix}. */
    private Set<String> htmlPages(String prefix) {
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(output)) {
            return found;
        }
        try {
            Files.walkFileTree(output, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (f.getFileName().toString().endsWith(".html")) {
                        found.add(url(prefix, output.relativize(f).toString().replace('\\', '/')));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the preview's pages", e);
        }
        return found;
    }

    /** A page's address from its output path: {@code posts/a/index.html} → {@code /journal/posts/a/}. */
    static String url(String prefix, String outputPath) {
        String p = outputPath.equals("index.html") ? ""
                : outputPath.endsWith("/index.html") ? outputPath.substring(0, outputPath.length() - "index.html".length())
                : outputPath;
        return prefix + p;
    }

    /** {@code content/posts/a.md changed}, or {@code content/posts/a.md and 19 other files changed}. */
    private String describe(Set<Path> changes) {
        List<String> names = changes.stream().map(p -> p.equals(siteDir) ? "files" : siteDir.relativize(p).toString()
                .replace('\\', '/')).sorted().toList();
        if (names.size() == 1) {
            return names.get(0) + " changed";
        }
        return names.get(0) + " and " + (names.size() - 1) + (names.size() == 2 ? " other file" : " other files")
                + " changed";
    }

    @Override
    public URI address() {
        return URI.create(origin + prefix);
    }

    @Override
    public long builds() {
        return builds;
    }

    @Override
    public void awaitStop() throws InterruptedException {
        StopSignals.onStop(this::close);
        stopped.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        debouncer.close();
        if (watcher != null) {
            watcher.close();
        }
        if (builder != null) {
            try {
                builder.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        live.close();
        http.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread t : workers) { // a terminated pool's last worker may still be ending: stopped means gone
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownStaging) {
            delete(staging);
        }
        stopped.countDown();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the system clears what is left
        }
    }
}
