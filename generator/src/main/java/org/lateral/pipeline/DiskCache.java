package org.lateral.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.cache.BuildCache;
import org.lateral.content.FrontMatter;
import org.lateral.content.Source;
import org.lateral.markdown.Rendered;
import org.lateral.plan.Kind;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * A one-shot build's use of the {@link BuildCache} on disk, the few hooks {@link Session} calls:
 * {@link #open} before anything is read (an unchanged site and output are then not built at all),
 * the last build's converted Markdown and search words to seed the session's, which sources' pages
 * changed since the last build ({@link #since}, when only bodies changed the session re-renders
 * only the outputs they affect), and {@link #write} after a good build.
 */
final class DiskCache {

    private final BuildCache cache;
    private final BuildCache.Opened opened;
    private final List<Path> excluded;
    private final List<Problem> notes = new ArrayList<>();
    private final Optional<BuildCache.Work> work;
    private final String key;
    private final boolean upToDate;
    /** Whether a killed build left something beside the output that only a clean build tidies. */
    private final boolean leftovers;

    private DiskCache(BuildCache cache, String key, BuildCache.Opened opened, List<Path> excluded, Path outputDir) {
        this.cache = cache;
        this.key = key;
        this.leftovers = leftovers(outputDir);
        this.upToDate = opened.upToDate() && !leftovers;
        this.opened = opened;
        this.excluded = excluded;
        List<String> all = new ArrayList<>();
        opened.note().ifPresent(all::add);
        this.work = opened.state().isPresent() && !upToDate ? cache.work(opened.state().get(), all)
                : Optional.empty();
        all.forEach(n -> this.notes.add(new Problem(cache.dir(), 0, 0, Problem.Severity.WARNING, n,
                "nothing to do: this build writes a new cache; lateral build --clean removes it")));
    }

    /** The build cache of this request, its inputs and output stamped; removed first for a clean build. */
    static DiskCache open(BuildRequest request, Path siteDir, Path outputDir, Path cacheDir) {
        BuildCache cache = BuildCache.in(cacheDir);
        if (request.clean()) {
            cache.remove();
        }
        String key = key(request, siteDir, outputDir);
        List<Path> excluded = List.of(outputDir, cacheDir, cache.dir());
        return new DiskCache(cache, key, cache.open(key, siteDir, outputDir, excluded, request.now()), excluded,
                outputDir);
    }

    /** Everything of Lateral and of the request that can change what a build writes. */
    private static String key(BuildRequest r, Path siteDir, Path outputDir) {
        return BuildCache.key("Lateral " + Lateral.version() + " (" + Lateral.build() + ")", List.of(
                "site " + siteDir, "output " + outputDir, "drafts " + r.drafts(), "future " + r.future(),
                "baseUrl " + r.baseUrl().orElse(""), "caller " + r.caller()));
    }

    /** Whether nothing changed, and no killed build left a staging or old output folder beside the output to tidy. */
    boolean upToDate() {
        return upToDate;
    }

    /** Whether a build left {@code .public.lateral-staging-…}, {@code .public.lateral-old-…} or its lock beside the output. */
    private static boolean leftovers(Path outputDir) {
        Path parent = outputDir.getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            return false;
        }
        String prefix = "." + outputDir.getFileName() + ".lateral-";
        try (Stream<Path> s = java.nio.file.Files.list(parent)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The result of a build that found nothing changed: the last build's counts and warnings. */
    BuildResult unchanged(Path outputDir, long start) {
        BuildCache.Summary s = opened.state().orElseThrow().summary();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new BuildResult(outputDir, s.files(), s.html(), s.posts(), s.pages(), s.tags(), s.skipped(),
                s.warnings(), took, Map.of("check", took), new BuildResult.Work(true, 0, 0, 0, List.of(), 0, true));
    }

    /** One-line notes on a cache that could not be used, as warnings. */
    List<Problem> notes() {
        return notes;
    }

    /** The last build's converted Markdown by key, or what the session has. */
    Map<String, Rendered> renderings(Map<String, Rendered> otherwise) {
        return work.map(BuildCache.Work::renderings).orElse(otherwise);
    }

    Map<String, List<String>> words(Map<String, List<String>> otherwise) {
        return work.map(BuildCache.Work::words).orElse(otherwise);
    }

    /** The last build's fingerprint, rendered paths, files and pages, when the output folder holds what it wrote. */
    Optional<BuildCache.State> intactState() {
        return opened.intact() && !leftovers ? opened.state() : Optional.empty();
    }

    /**
     * The sources whose pages changed since the last build when nothing else did (the same sources
     * with the same front matter, every page the same but for its body, one language, no events), or
     * null when every output must be rendered.
     */
    Set<Path> since(Map<Path, FrontMatter> sources, Map<Path, String> bodies, Site site, boolean sides) {
        if (work.isEmpty() || !work.get().followable() || !followable(site, sides)) {
            return null;
        }
        Map<String, BuildCache.Digest> before = work.get().sources();
        Map<String, BuildCache.Digest> now = digests(sources, bodies, site);
        if (!before.keySet().equals(now.keySet())) {
            return null;
        }
        Set<Path> changed = new HashSet<>();
        Map<String, Path> paths = new HashMap<>();
        sources.keySet().forEach(s -> paths.put(s.toString(), s));
        for (Map.Entry<String, BuildCache.Digest> e : now.entrySet()) {
            BuildCache.Digest was = before.get(e.getKey());
            BuildCache.Digest is = e.getValue();
            if (!was.frontMatter().equals(is.frontMatter()) || !was.list().equals(is.list())) {

                return null; // a title, a date, a tag: lists change
            }
            if (!was.page().equals(is.page())) {
                changed.add(paths.get(e.getKey()));
            } else if (!was.body().equals(is.body()) && is.page().isEmpty()) {
                return null; // a body that is not a page's (an author's, a list's): who knows where it shows
            }
        }
        return changed;
    }

    private static boolean followable(Site site, boolean sides) {
        return !sides && site.events().isEmpty() && site.pages().stream().noneMatch(p -> p.kind() == Kind.EVENT);
    }

    /** Each publishable source's digests, from its path and front matter (its text is let go by then) and its page. */
    private static Map<String, BuildCache.Digest> digests(Map<Path, FrontMatter> sources, Map<Path, String> bodies,
            Site site) {
        Map<Path, Page> pages = new HashMap<>();
        Stream.concat(site.posts().stream(), site.pages().stream()).forEach(p -> pages.putIfAbsent(p.source(), p));
        Map<String, BuildCache.Digest> out = new HashMap<>();
        sources.entrySet().parallelStream().map(s -> {
            Page p = pages.get(s.getKey());
            String list = p == null ? "" : hash(listPart(p));
            String page = p == null ? "" : hash(listPart(p) + "\u0000" + p.summary() + "\u0000" + p.description()
                    + "\u0000" + p.truncated() + "\u0000" + p.content() + "\u0000" + p.toc() + "\u0000" + p.wordCount());
            return Map.entry(s.getKey().toString(), new BuildCache.Digest(bodies.getOrDefault(s.getKey(), ""),
                    hash(s.getKey() + "\u0000" + canonical(s.getValue())), list, page));
        }).toList().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** What {@link Page#sameButBody} compares: what the site's lists are made from. */
    private static String listPart(Page p) {
        return canonical(List.of(p.kind(), p.source(), p.address(), p.title(), String.valueOf(p.slug()), p.date(),
                p.updated(), p.authors(), p.tags(), p.categories(), p.series(), p.part(), p.stage(), p.image(),
                p.draft(), p.layout(), p.params(), p.resources(), p.scheduled(), p.terms(), p.swap()));
    }

    /**
     * A value as text that is the same in every process for equal values: records by their
     * components, maps and sets sorted (the JDK's immutable maps and sets iterate in an order
     * chosen afresh in each process), lists in order.
     */
    static String canonical(Object o) {
        StringBuilder b = new StringBuilder();
        canonical(o, b);
        return b.toString();
    }

    private static void canonical(Object o, StringBuilder b) {
        if (o instanceof Record r) {
            b.append(r.getClass().getSimpleName()).append('[');
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                b.append(c.getName()).append('=');
                try {
                    java.lang.reflect.Method m = c.getAccessor();
                    m.setAccessible(true);
                    canonical(m.invoke(r), b);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    b.append("?").append(System.identityHashCode(r)); // never equal to another process's
                }
                b.append(';');
            }
            b.append(']');
        } else if (o instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(canonical(k) + "=" + canonical(v)));
            entries.sort(null);
            b.append('{').append(String.join(", ", entries)).append('}');
        } else if (o instanceof Set<?> set) {
            List<String> items = new ArrayList<>();
            set.forEach(x -> items.add(canonical(x)));
            items.sort(null);
            b.append("set").append(items);
        } else if (o instanceof java.util.Collection<?> list) {
            b.append('[');
            list.forEach(x -> {
                canonical(x, b);
                b.append(", ");
            });
            b.append(']');
        } else if (o instanceof Optional<?> opt) {
            b.append(opt.isPresent() ? "Optional[" : "Optional.empty");
            opt.ifPresent(x -> {
                canonical(x, b);
                b.append(']');
            });
        } else {
            b.append(o == null ? "null" : o.getClass().getSimpleName() + ":" + o);
        }
    }

    private static String hash(String s) {
        return org.lateral.cache.ContentHash.of(s);
    }

    /**
     * Every instant at which what the sources publish can change (dates, publish and expiry dates,
     * events): taken while the sources are read, as a one-shot build lets their text go before it writes.
     */
    static List<Instant> dates(List<Source> all, ZoneId zone) {
        List<Instant> dates = new ArrayList<>();
        for (Source s : all) {
            dates.addAll(org.lateral.site.SiteAssembler.datesOf(s, zone));
            s.frontMatter().event().ifPresent(ev -> {
                dates.add(ev.start().toInstant());
                ev.end().ifPresent(end -> dates.add(end.toInstant()));
            });
        }
        return dates;
    }

    /**
     * What a good build leaves for the next one: {@code dates} from {@link #dates}, {@code sources}
     * the publishable sources' front matter by path (no source text: it is let go before this).
     */
    record Made(String fingerprint, Set<String> planned, BuildResult result, List<Instant> dates,
            Map<Path, FrontMatter> sources, Map<Path, String> bodies, Site site, boolean sides, Map<String, Rendered> renderings,
            Map<String, List<String>> words, List<Path> themeRoots, ZoneId zone, Instant now) {
    }

    /** Writes the cache after a good build (its warnings without this cache's own notes). */
    void write(Path siteDir, Path outputDir, Made m) {
        BuildResult r = m.result();
        long[] window = BuildCache.window(m.dates().stream(), m.now());
        List<Problem> warnings = r.warnings().stream().filter(w -> !notes.contains(w)).toList();
        String id = BuildCache.newBuildId();
        BuildCache.State state = new BuildCache.State(key, id, m.now().toEpochMilli(), window[0], window[1], m.zone().getId(),
                m.now().atZone(m.zone()).toLocalDate().toString(), m.fingerprint(), opened.scanned(),
                m.themeRoots().stream().map(Path::toString).toList(),
                cache.withRoots(opened, siteDir, excluded, m.themeRoots()), BuildCache.outputs(outputDir),
                m.planned(), new BuildCache.Summary(r.files(), r.htmlPages(), r.posts(), r.pages(), r.tags(),
                        r.skipped(), warnings));
        BuildCache.Work w = new BuildCache.Work(m.renderings(), m.words(), digests(m.sources(), m.bodies(), m.site()),
                followable(m.site(), m.sides()));
        cache.write(state, w);
    }
}
