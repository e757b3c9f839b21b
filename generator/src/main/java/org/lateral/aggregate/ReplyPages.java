package org.lateral.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lateral.aggregate.fetch.FetchResult;
import org.lateral.aggregate.fetch.Fetcher;
import org.lateral.aggregate.fetch.Validators;
import org.lateral.internal.AtomicFiles;
import org.lateral.safety.Deadline;
import org.lateral.safety.UrlPolicy;

/**
 * The links of summary-only entries' own pages, so that a member whose feed carries only
 * summaries can still answer another member ({@link Conversations}).
 *
 * <p>For each entry whose feed carried no whole post ({@link Entry#summaryOnly()}), its page is
 * fetched <b>once</b>: the links found are kept in the hub's cache folder ({@value #FILE}, beside
 * and apart from the feed cache: entry → page address, the entry's {@code updated} date and the
 * links) and reused, never fetched again, while the entry's page address and update date stay the
 * same. The fetch is the hub's own safe one ({@link Fetcher}: the network's
 * {@link org.lateral.safety.AddressPolicy}, a whole-request deadline, the feed size cap,
 * redirects checked) and only to the member's own hosts (their feed's and their site's); a page
 * that redirects elsewhere is not read. Links are taken from the post's article only: the
 * h-entry's {@code e-content}, else the first {@code <article>}, else {@code <main>} (never the
 * menus or a blogroll around it), parsed with jsoup (no script runs). A page that cannot be read is
 * a note on the health page, never a stop; it is tried again next run. A member whose feed is a
 * local file (the organiser's own copy) has no page read. At most
 * {@value #PER_MEMBER} pages per member are read in one run, newest first (the rest next run).
 *
 * <p>One per run, used by {@link HubCollector} after the feeds were read.
 */
final class ReplyPages {

    /** The cache file: apart from the feed cache's own files, so their format is untouched. */
    static final String FILE = "reply-pages.json";
    /** Pages read per member in one run. */
    static final int PER_MEMBER = 10;
    /** Links kept from one page. */
    static final int MAX_LINKS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run found: the entries with their pages' links added, and a note per page not read. */
    record Result(List<Entry> entries, List<HealthReport.Note> notes) {
    }

    private record Known(String page, String updated, List<String> links) {
    }

    private final Path file;
    private final Fetcher fetcher;
    private final HubSettings settings;

    ReplyPages(Path cacheDir, Fetcher fetcher, HubSettings settings) {
        this.file = cacheDir.resolve(FILE);
        this.fetcher = fetcher;
        this.settings = settings;
    }

    Result read(List<Entry> entries, List<Subscription> subscriptions, Deadline run) {
        Map<String, Subscription> members = new HashMap<>();
        subscriptions.forEach(s -> members.put(s.id(), s));
        Map<String, Known> known = load();
        Map<String, Known> keep = new LinkedHashMap<>();
        Map<String, Integer> perMember = new HashMap<>();
        List<Entry> toFetch = new ArrayList<>();
        for (Entry e : entries.stream().sorted(EntryMerger.NEWEST_FIRST).toList()) {
            // a feed read from a file (the organiser's own copy) has no page on the web the hub should fetch
            if (!e.summaryOnly() || e.link().isEmpty() || !members.containsKey(e.memberId())
                    || !(members.get(e.memberId()).feed() instanceof FeedLocation.Remote)) {
                continue;
            }
            Known k = known.get(key(e));
            if (k != null && k.page().equals(e.link().get().toString()) && k.updated().equals(e.updated().toString())) {
                keep.put(key(e), k);
            } else if (perMember.merge(e.memberId(), 1, Integer::sum) <= PER_MEMBER) {
                toFetch.add(e);
            }
        }
        List<HealthReport.Note> notes = new ArrayList<>();
        if (!toFetch.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(),
                    toFetch.size())), r -> {
                        Thread t = new Thread(r, "lateral-hub-pages");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<Future<Object>> futures = new ArrayList<>();
                for (Entry e : toFetch) {
                    futures.add(pool.submit(() -> linksOf(e, members.get(e.memberId()))));
                }
                for (int i = 0; i < toFetch.size(); i++) {
                    Entry e = toFetch.get(i);
                    Subscription m = members.get(e.memberId());
                    Object found;
                    try {
                        found = futures.get(i).get(Math.max(0, run.remainingNanos()), TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException ex) {
                        futures.get(i).cancel(true);
                        found = "the hub's run ended before it was read";
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        found = "the hub's run was interrupted";
                    } catch (java.util.concurrent.ExecutionException | RuntimeException ex) {
                        found = "it could not be read";
                    }
                    if (found instanceof Known k) {
                        keep.put(key(e), k);
                    } else {
                        notes.add(new HealthReport.Note(m.id(), m.name(), "the page of \"" + e.title() + "\" ("
                                + e.link().get() + ") was not read for the posts it answers: " + found,
                                "nothing to do if it passes; if it stays, check that the post's page opens, or ask "
                                        + m.name() + " to put whole posts in their feed (or thr:in-reply-to)"));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        store(keep);
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Known k = keep.get(key(e));
            out.add(k == null ? e : e.referringAlsoTo(k.links()));
        }
        return new Result(out, notes);
    }

    /** The page's article links ({@link Known}), or why it was not read (a String). */
    private Object linksOf(Entry e, Subscription member) {
        URI page = e.link().get();
        Set<String> own = hosts(member);
        if (!own.contains(host(page))) {
            return "it is not on " + member.name() + "'s own site (" + String.join(", ", own) + ")";
        }
        FetchResult fetched = fetcher.fetch(new FeedLocation.Remote(page), Validators.NONE,
                Deadline.in(settings.timeout()).at());
        if (!fetched.status().isSuccess() || fetched.body().length == 0) {
            return fetched.status().message();
        }
        if (!own.contains(host(fetched.finalUri()))) {
            return "it redirects away from " + member.name() + "'s own site, to " + fetched.finalUri().getHost();
        }
        Charset charset = fetched.charset().flatMap(ReplyPages::charset).orElse(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(new String(fetched.body(), charset), fetched.finalUri().toString());
        Element article = Optional.ofNullable(doc.selectFirst(".h-entry .e-content"))
                .or(() -> Optional.ofNullable(doc.selectFirst(".e-content")))
                .or(() -> Optional.ofNullable(doc.selectFirst("article")))
                .or(() -> Optional.ofNullable(doc.selectFirst("main"))).orElse(null);
        List<String> links = new ArrayList<>();
        if (article != null) {
            for (Element a : article.select("a[href]")) {
                String href = a.absUrl("href");
                Optional<URI> uri = UrlPolicy.parseWeb(href);
                // the page's own headings' anchors (#what-happened) answer nobody: not kept
                boolean self = uri.map(u -> EntryMerger.canonicalLink(u).equals(EntryMerger.canonicalLink(page)))
                        .orElse(true);
                if (!self && links.size() < MAX_LINKS && !links.contains(href)) {
                    links.add(href);
                }
            }
        }
        return new Known(page.toString(), e.updated().toString(), links);
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** The member's own hosts: their feed's and their site's. */
    private static Set<String> hosts(Subscription member) {
        Set<String> out = new LinkedHashSet<>();
        if (member.feed() instanceof FeedLocation.Remote r) {
            out.add(host(r.uri()));
        }
        member.site().map(ReplyPages::host).ifPresent(out::add);
        out.remove("");
        return out;
    }

    private static String host(URI uri) {
        String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String key(Entry e) {
        return e.memberId() + "\u0000" + e.id();
    }

    private Map<String, Known> load() {
        Map<String, Known> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            root.fields().forEachRemaining(f -> {
                JsonNode n = f.getValue();
                List<String> links = new ArrayList<>();
                n.path("links").forEach(l -> links.add(l.asText()));
                out.put(f.getKey(), new Known(n.path("page").asText(), n.path("updated").asText(), links));
            });
        } catch (IOException | RuntimeException e) {
            out.clear(); // a damaged file: the pages are read again, nothing else is lost
        }
        return out;
    }

    /** Only the entries of this run are kept, so the file never grows beyond the hub's feeds. */
    private void store(Map<String, Known> keep) {
        ObjectNode root = JSON.createObjectNode();
        keep.forEach((k, v) -> {
            ObjectNode n = root.putObject(k).put("page", v.page()).put("updated", v.updated());
            ArrayNode links = n.putArray("links");
            v.links().forEach(links::add);
        });
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            // not remembering only means reading the pages again next run
        }
    }
}
