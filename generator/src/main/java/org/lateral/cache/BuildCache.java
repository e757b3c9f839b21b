package org.lateral.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.lateral.BuildResult;
import org.lateral.Problem;
import org.lateral.markdown.FileLink;
import org.lateral.markdown.Picture;
import org.lateral.markdown.Rendered;

/**
 * The build cache on disk, in {@code build/} of the request's cache folder ({@code .lateral-cache}
 * beside {@code site.yaml} for the command line, {@code target/lateral-cache} for the Maven
 * plugin; never inside the output): two files, {@code state.bin} (what the last good build was made
 * from and what it wrote; small, read by every build) and {@code work.bin} (its converted Markdown
 * and search words; read only when something changed). Both carry the same build id: a pair from
 * two different builds (two builds writing at once) is not used together.
 *
 * <p>Anything wrong with the cache (damaged, cut short, another format or Lateral, unreadable) is
 * a {@link Opened#note() note} and the build runs as if there were none; the cache is written only
 * after a good build, each file atomically.
 */
public final class BuildCache {

    static final String STATE = "state.bin";
    static final String WORK = "work.bin";

    private final Path dir;

    private BuildCache(Path dir) {
        this.dir = dir;
    }

    /** The build cache in {@code cacheDir/build}. */
    public static BuildCache in(Path cacheDir) {
        return new BuildCache(cacheDir.resolve("build"));
    }

    /** The folder holding the cache's files. */
    public Path dir() {
        return dir;
    }

    /** Removes the cache ({@code lateral build --clean}): the next build is a full one. */
    public void remove() {
        for (String f : List.of(STATE, WORK)) {
            try {
                Files.deleteIfExists(dir.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the build cache " + dir.resolve(f), e);
            }
        }
    }

    /**
     * What a build was made from and what it wrote.
     *
     * @param key        everything of the request and of Lateral itself that can change output
     * @param buildId    the same in the state and work files of one build
     * @param now        the build's time (millis)
     * @param validFrom  the latest date of a source at or before {@code now} (millis)
     * @param validUntil the earliest date of a source after {@code now} (millis): past it, a post goes live or expires
     * @param zone       the site's time zone
     * @param date       the build's date in that zone (the copyright year, what is overdue, swaps still open)
     * @param fingerprint what the rendered outputs are made from besides the sources (settings, templates, files)
     * @param scanned    when the inputs were stamped (millis): files modified just before it are hashed again
     * @param roots      the folders outside the site whose files were stamped (themes)
     * @param inputs     every input file's stamp and hash
     * @param outputs    every file of the output folder as the build left it, by size and time
     * @param planned    the rendered outputs' paths
     */
    public record State(String key, String buildId, long now, long validFrom, long validUntil, String zone,
            String date, String fingerprint, long scanned, List<String> roots, Map<String, FileStamps.Stamp> inputs,
            Map<String, FileStamps.Stamp> outputs, Set<String> planned, Summary summary) {
    }

    /** The counts, skipped posts and warnings a build reported, told again when nothing changed. */
    public record Summary(int files, int html, int posts, int pages, int tags, List<BuildResult.SkippedPost> skipped,
            List<Problem> warnings) {
    }

    /** What a source was made into, by hashes: its body's key, its front matter, its page but for the body, its page. */
    public record Digest(String body, String frontMatter, String list, String page) {
    }

    /**
     * The reusable work of a build.
     *
     * @param renderings converted Markdown by the body's key (see the session)
     * @param words      a page's search words by its key
     * @param sources    each source's digests, by its path
     * @param followable whether a next build can render only what an edit affects (one language, no events)
     */
    public record Work(Map<String, Rendered> renderings, Map<String, List<String>> words,
            Map<String, Digest> sources, boolean followable) {
    }

    /**
     * The cache as a build finds it.
     *
     * @param state    the last good build's state; empty when there is none or it cannot be used
     * @param inputs   the inputs' stamps now (hashes reused from the state where they prove it)
     * @param intact   whether the output folder holds exactly what that build wrote
     * @param upToDate whether nothing changed: same request, inputs, output and time window
     * @param note     why the cache was not used, in one line, when it exists but cannot be
     */
    public record Opened(Optional<State> state, Map<String, FileStamps.Stamp> inputs, long scanned, boolean intact,
            boolean upToDate, Optional<String> note) {
    }

    /**
     * Reads the state and stamps the inputs and output; tells whether nothing changed.
     *
     * @param excluded folders of the site not to stamp (the output and the cache)
     */
    public Opened open(String key, Path siteDir, Path outputDir, List<Path> excluded, Instant now) {
        long scanned = System.currentTimeMillis();
        Optional<String> note = Optional.empty();
        State state = null;
        if (Files.exists(dir.resolve(STATE))) {
            try {
                state = readState();
                if (!state.key().equals(key)) {
                    // another Lateral, another output folder or other options: a full build, silently when
                    // only the options differ would be as right, but a version change is worth saying
                    String[] was = state.key().split("\n", 2);
                    String[] is = key.split("\n", 2);
                    if (!was[0].equals(is[0])) {
                        note = Optional.of("the build cache in " + dir + " was written by " + was[0] + ", not this "
                                + is[0] + ", so every page is rendered again");
                    }
                    state = null;
                }
            } catch (CacheFile.Unusable e) {
                note = Optional.of("the build cache " + dir.resolve(STATE) + " was ignored: " + e.getMessage()
                        + "; every page is rendered again and a new cache written");
            }
        }
        List<Path> roots = state == null ? List.of() : state.roots().stream().map(Path::of).toList();
        Map<String, FileStamps.Stamp> inputs = FileStamps.inputs(siteDir, excluded, roots,
                state == null ? Map.of() : state.inputs(), state == null ? 0 : state.scanned());
        boolean intact = state != null && FileStamps.outputs(outputDir).equals(state.outputs());
        boolean upToDate = intact && sameHashes(state.inputs(), inputs) && inWindow(state, now);
        return new Opened(Optional.ofNullable(state), inputs, scanned, intact, upToDate, note);
    }

    /** The stamps of the files of these folders outside the site (themes), reusing what {@code opened} stamped. */
    public Map<String, FileStamps.Stamp> withRoots(Opened opened, Path siteDir, List<Path> excluded, List<Path> roots) {
        List<String> had = opened.state().map(State::roots).orElse(List.of());
        if (had.equals(roots.stream().map(Path::toString).toList())) {
            return opened.inputs();
        }
        Map<String, FileStamps.Stamp> again = FileStamps.inputs(siteDir, excluded, roots, opened.inputs(),
                opened.scanned());
        return again;
    }

    private static boolean sameHashes(Map<String, FileStamps.Stamp> a, Map<String, FileStamps.Stamp> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, FileStamps.Stamp> e : a.entrySet()) {
            FileStamps.Stamp o = b.get(e.getKey());
            if (o.size() != e.getValue().size() || !o.hash().equals(e.getValue().hash())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code now} classes every source date as the last build did, on the same day. */
    private static boolean inWindow(State s, Instant now) {
        long t = now.toEpochMilli();
        if (t < s.validFrom() || t >= s.validUntil()) {
            return false;
        }
        try {
            return now.atZone(ZoneId.of(s.zone())).toLocalDate().toString().equals(s.date());
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /**
     * The time window in which a build at {@code now} stays right, from every date the sources carry:
     * {@code [latest date ≤ now, earliest date > now)}.
     */
    public static long[] window(Stream<Instant> dates, Instant now) {
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE;
        long t = now.toEpochMilli();
        for (Instant d : (Iterable<Instant>) dates::iterator) {
            long m = d.toEpochMilli();
            if (d.isAfter(now)) {
                until = Math.min(until, m);
            } else {
                from = Math.max(from, m);
            }
        }
        return new long[] {Math.min(from, t), until};
    }

    /** The stamps of the output folder now. */
    public static Map<String, FileStamps.Stamp> outputs(Path outputDir) {
        return FileStamps.outputs(outputDir);
    }

    /** The work file of the state's build; empty (with the reason in {@code notes}) when it cannot be used. */
    public Optional<Work> work(State state, List<String> notes) {
        if (!Files.exists(dir.resolve(WORK))) {
            return Optional.empty();
        }
        try {
            return Optional.of(readWork(state.buildId()));
        } catch (CacheFile.Unusable e) {
            notes.add("the build cache " + dir.resolve(WORK) + " was ignored: " + e.getMessage()
                    + "; every post is converted again");
            return Optional.empty();
        }
    }

    /**
     * A key for the request: Lateral's version and build and the files it runs from, then the
     * request's own parts (one per line; the first line names the Lateral that wrote it).
     */
    public static String key(String lateral, List<String> request) {
        StringBuilder k = new StringBuilder(lateral).append('\n').append(FileStamps.hash(codeStamp()));
        request.forEach(r -> k.append('\n').append(r));
        return k.toString();
    }

    /** The size and time of every jar Lateral's classes and themes are loaded from (a rebuilt jar is another Lateral). */
    private static String codeStamp() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = BuildCache.class.getClassLoader();
        if (loader instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                entries.add(url.toString());
            }
        }
        try {
            var src = BuildCache.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                entries.add(src.getLocation().toString());
            }
        } catch (SecurityException e) {
            // no code source: the version alone
        }
        for (String p : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!p.isEmpty()) {
                entries.add(Path.of(p).toAbsolutePath().toUri().toString());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String e : entries) {
            s.append(e);
            try {
                Path p = Path.of(new java.net.URI(e));
                if (Files.isRegularFile(p)) {
                    s.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                }
            } catch (URISyntaxException | IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException x) {
                // not a file: named only
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes the state and work of a good build, work first; each atomically. */
    public void write(State state, Work work) {
        try {
            writeWork(state.buildId(), work);
            writeState(state);
        } catch (IOException | UncheckedIOException e) {
            // a cache that cannot be written costs the next build time, never its output: leave none
            try {
                remove();
            } catch (UncheckedIOException ignored) {
                // nothing more to do
            }
        }
    }

    /** A new build id. */
    public static String newBuildId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- the files

    void writeState(State s) throws IOException {
        CacheFile.write(dir.resolve(STATE), "state", o -> writeState(o, s));
    }

    private static void writeState(CacheFile.Out o, State s) {
        o.str(s.key()).str(s.buildId()).l(s.now()).l(s.validFrom()).l(s.validUntil()).str(s.zone()).str(s.date())
                .str(s.fingerprint()).l(s.scanned());
        o.i(s.roots().size());
        s.roots().forEach(o::str);
        stamps(o, s.inputs(), true);
        stamps(o, s.outputs(), false);
        o.i(s.planned().size());
        s.planned().stream().sorted().forEach(o::str);
        Summary m = s.summary();
        o.i(m.files()).i(m.html()).i(m.posts()).i(m.pages()).i(m.tags());
        o.i(m.skipped().size());
        for (BuildResult.SkippedPost p : m.skipped()) {
            o.str(p.source().toString()).str(p.title()).str(p.reason())
                    .str(p.goesLive().map(ZonedDateTime::toString).orElse(""));
        }
        o.i(m.warnings().size());
        for (Problem p : m.warnings()) {
            o.str(p.file() == null ? "" : p.file().toString()).b(p.file() != null).i(p.line()).i(p.column())
                    .str(p.severity().name()).str(p.message()).str(p.hint() == null ? "" : p.hint()).b(p.hint() != null);
        }
    }

    private static void stamps(CacheFile.Out o, Map<String, FileStamps.Stamp> m, boolean hashes) {
        o.i(m.size());
        for (FileStamps.Stamp s : m.values()) {
            o.str(s.path()).l(s.size()).l(s.modified());
            if (hashes) {
                o.str(s.hash());
            }
        }
    }

    State readState() throws CacheFile.Unusable {
        try (CacheFile.In in = new CacheFile.In(dir.resolve(STATE), "state")) {
            return readState(in);
        }
    }

    private static State readState(CacheFile.In in) throws CacheFile.Unusable {
        String key = in.str();
        String id = in.str();
        long now = in.l();
        long from = in.l();
        long until = in.l();
        String zone = in.str();
        String date = in.str();
        String fingerprint = in.str();
        long scanned = in.l();
        List<String> roots = new ArrayList<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            roots.add(in.str());
        }
        Map<String, FileStamps.Stamp> inputs = readStamps(in, true);
        Map<String, FileStamps.Stamp> outputs = readStamps(in, false);
        Set<String> planned = new java.util.HashSet<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            planned.add(in.str());
        }
        int files = in.i();
        int html = in.i();
        int posts = in.i();
        int pages = in.i();
        int tags = in.i();
        List<BuildResult.SkippedPost> skipped = new ArrayList<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            Path source = Path.of(in.str());
            String title = in.str();
            String reason = in.str();
            String live = in.str();
            try {
                skipped.add(new BuildResult.SkippedPost(source, title, reason,
                        live.isEmpty() ? Optional.empty() : Optional.of(ZonedDateTime.parse(live))));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CacheFile.Unusable("it is damaged (a date " + live + ")");
            }
        }
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            String file = in.str();
            boolean hasFile = in.b();
            int line = in.i();
            int column = in.i();
            String severity = in.str();
            String message = in.str();
            String hint = in.str();
            boolean hasHint = in.b();
            try {
                warnings.add(new Problem(hasFile ? Path.of(file) : null, line, column, Problem.Severity.valueOf(severity),
                        message, hasHint ? hint : null));
            } catch (IllegalArgumentException e) {
                throw new CacheFile.Unusable("it is damaged (a warning)");
            }
        }
        in.end();
        return new State(key, id, now, from, until, zone, date, fingerprint, scanned, List.copyOf(roots), inputs,
                outputs, Set.copyOf(planned), new Summary(files, html, posts, pages, tags, List.copyOf(skipped),
                        List.copyOf(warnings)));
    }

    private static Map<String, FileStamps.Stamp> readStamps(CacheFile.In in, boolean hashes) throws CacheFile.Unusable {
        Map<String, FileStamps.Stamp> m = new java.util.TreeMap<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            String path = in.str();
            long size = in.l();
            long modified = in.l();
            String hash = hashes ? in.str() : "";
            m.put(path, new FileStamps.Stamp(path, size, modified, hash));
        }
        return m;
    }

    void writeWork(String buildId, Work w) throws IOException {
        CacheFile.write(dir.resolve(WORK), "work", o -> writeWork(o, buildId, w));
    }

    /** The work file, written as it goes (a large site's converted posts are never one array in memory). */
    private static void writeWork(CacheFile.Out o, String buildId, Work w) {
        o.str(buildId).b(w.followable());
        o.i(w.renderings().size());
        for (Map.Entry<String, Rendered> e : w.renderings().entrySet()) {
            Rendered r = e.getValue();
            o.str(e.getKey()).str(r.html()).str(r.summaryHtml()).str(r.summaryText()).b(r.truncated()).str(r.tocHtml())
                    .i(r.wordCount());
            o.i(r.fileLinks().size());
            r.fileLinks().forEach(f -> o.str(f.destination()).i(f.line()).i(f.column()));
            o.i(r.pictures().size());
            r.pictures().forEach(p -> o.str(p.address()).str(p.description()).i(p.line()).b(p.decorative()));
        }
        o.i(w.words().size());
        for (Map.Entry<String, List<String>> e : w.words().entrySet()) {
            o.str(e.getKey()).i(e.getValue().size());
            e.getValue().forEach(o::str);
        }
        o.i(w.sources().size());
        w.sources().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.str(e.getKey())
                .str(e.getValue().body()).str(e.getValue().frontMatter()).str(e.getValue().list()).str(e.getValue().page()));
    }

    Work readWork(String buildId) throws CacheFile.Unusable {
        try (CacheFile.In in = new CacheFile.In(dir.resolve(WORK), "work")) {
            return readWork(in, buildId);
        }
    }

    private static Work readWork(CacheFile.In in, String buildId) throws CacheFile.Unusable {
        String id = in.str();
        if (!id.equals(buildId)) {
            throw new CacheFile.Unusable("it was written by another build than the state beside it"
                    + " (two builds at once?)");
        }
        boolean followable = in.b();
        Map<String, Rendered> renderings = new HashMap<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            String key = in.str();
            String html = in.str();
            String summaryHtml = in.str();
            String summaryText = in.str();
            boolean truncated = in.b();
            String toc = in.str();
            int words = in.i();
            List<FileLink> links = new ArrayList<>();
            for (int j = 0, m = in.count(); j < m; j++) {
                links.add(new FileLink(in.str(), in.i(), in.i()));
            }
            List<Picture> pictures = new ArrayList<>();
            for (int j = 0, m = in.count(); j < m; j++) {
                pictures.add(new Picture(in.str(), in.str(), in.i(), in.b()));
            }
            renderings.put(key, new Rendered(html, summaryHtml, summaryText, truncated, toc, words, links, pictures));
        }
        Map<String, List<String>> words = new HashMap<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            String key = in.str();
            List<String> w = new ArrayList<>();
            for (int j = 0, m = in.count(); j < m; j++) {
                w.add(in.str());
            }
            words.put(key, List.copyOf(w));
        }
        Map<String, Digest> sources = new LinkedHashMap<>();
        for (int i = 0, n = in.count(); i < n; i++) {
            sources.put(in.str(), new Digest(in.str(), in.str(), in.str(), in.str()));
        }
        in.end();
        return new Work(renderings, words, sources, followable);
    }
}
