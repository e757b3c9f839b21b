package org.lateral.aggregate;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges members' entries into the hub's river and cuts it into pages.
 *
 * <p><b>Duplicates.</b> Two entries are the same post when they share a globally unique id (an id
 * that is a URI or URN, as guids and Atom ids should be; a short id like {@code "42"} only counts
 * within one member's feed) or the same canonical link (scheme, {@code www.}, default port,
 * fragment, trailing slash and {@code utm_*} tracking parameters ignored). Within one member the
 * earliest published is kept; across members only the copy of the member who owns the link (their
 * site or feed host) can displace another's, and only in the river, never on the member's own page
 * (see {@link #merge(List, List)}).
 *
 * <p><b>Pages.</b> {@link #paginate} fills each page newest first but takes at most
 * {@code perMemberCap} entries from one member while others still have entries to show; the rest
 * move to the following pages, so a prolific blog cannot drown the others. Nothing is dropped.
 *
 * <pre>{@code
 * List<Entry> river = EntryMerger.merge(entries);
 * List<List<Entry>> pages = EntryMerger.paginate(river, 20, 3);
 * }</pre>
 *
 * <p>Pure functions; thread-safe.
 */
public final class EntryMerger {

    /** Newest first; ties broken by id so the order is the same on every run. */
    public static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing(Entry::published).reversed().thenComparing(Entry::memberId).thenComparing(Entry::id);

    private static final Pattern TRACKING = Pattern.compile("(?i)^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=.*");
    private static final Pattern GLOBAL_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:.+");

    private EntryMerger() {
    }

    /**
     * Removes duplicates and sorts newest first, without knowing who owns which site: duplicates
     * are removed within each member's entries only (see {@link #merge(List, List)}).
     *
     * @param entries every member's entries, in the order members are listed
     */
    public static List<Entry> merge(List<Entry> entries) {
        return merge(entries, List.of());
    }

    /**
     * Removes duplicates and sorts newest first: the river.
     *
     * <p>Within one member's entries duplicates (same id or same canonical link) are removed
     * freely, the earliest kept. Across members an entry is only ever removed in favour of the
     * copy of the member who <em>owns</em> the link: its host (and path) is that member's own site
     * ({@code site:}) or the host of their feed. So a member who reposts another's post gives way
     * to the original, but a hostile feed that reuses a victim's id and link (with an older date)
     * cannot remove the victim's post: it owns neither. When both copies are owned, the earliest
     * wins; when neither is, both stay.
     *
     * @param entries       every member's entries, in the order members are listed
     * @param subscriptions the members, whose sites and feeds say which links they own
     */
    public static List<Entry> merge(List<Entry> entries, List<Subscription> subscriptions) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Map<String, Subscription> members = new HashMap<>();
        subscriptions.forEach(s -> members.putIfAbsent(s.id(), s));
        Map<String, Integer> memberOrder = new HashMap<>();
        for (Entry e : entries) {
            memberOrder.putIfAbsent(e.memberId(), memberOrder.size());
        }
        Comparator<Entry> earliest = Comparator.comparing(Entry::published)
                .thenComparing(e -> memberOrder.get(e.memberId()))
                .thenComparing(Entry::id);
        List<Entry> candidates = new ArrayList<>();
        byMember(entries).values().forEach(candidates::addAll);
        candidates.sort(earliest);
        Map<String, List<Entry>> byKey = new HashMap<>();
        for (Entry e : candidates) {
            for (String key : keys(e)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        List<Entry> kept = new ArrayList<>();
        for (Entry e : candidates) {
            boolean owned = owns(members.get(e.memberId()), e);
            boolean displaced = false;
            for (String key : keys(e)) {
                for (Entry other : byKey.get(key)) {
                    if (other.memberId().equals(e.memberId()) || !owns(members.get(other.memberId()), other)) {
                        continue;
                    }
                    if (!owned || earliest.compare(other, e) < 0) {
                        displaced = true;
                        break;
                    }
                }
                if (displaced) {
                    break;
                }
            }
            if (!displaced) {
                kept.add(e);
            }
        }
        kept.sort(NEWEST_FIRST);
        return kept;
    }

    /**
     * Each member's own entries without duplicates (same id or canonical link within the member,
     * the earliest kept), newest first: what the member's page shows, whatever other feeds say.
     */
    public static Map<String, List<Entry>> byMember(List<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, List<Entry>> grouped = new LinkedHashMap<>();
        for (Entry e : entries) {
            grouped.computeIfAbsent(e.memberId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        grouped.forEach((member, list) -> {
            List<Entry> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Entry::published).thenComparing(Entry::id));
            Set<String> seen = new HashSet<>();
            List<Entry> kept = new ArrayList<>();
            for (Entry e : sorted) {
                List<String> keys = keys(e);
                if (keys.stream().anyMatch(seen::contains)) {
                    continue;
                }
                seen.addAll(keys);
                kept.add(e);
            }
            kept.sort(NEWEST_FIRST);
            out.put(member, List.copyOf(kept));
        });
        return out;
    }

    /** The keys that make two entries the same post: a global id, and the canonical link. */
    private static List<String> keys(Entry entry) {
        String idKey = idKey(entry);
        return entry.link().map(l -> List.of(idKey, "link:" + canonicalLink(l))).orElse(List.of(idKey));
    }

    /**
     * True when the entry's link is on the member's own site (same host, under the site's path)
     * or on the host of the feed the hub reads for them.
     */
    static boolean owns(Subscription member, Entry entry) {
        if (member == null || entry.link().isEmpty()) {
            return false;
        }
        URI link = entry.link().get();
        String host = bareHost(link);
        if (host.isEmpty()) {
            return false;
        }
        if (member.site().isPresent()) {
            URI site = member.site().get();
            String path = Optional.ofNullable(site.getRawPath()).orElse("/");
            String linkPath = Optional.ofNullable(link.getRawPath()).orElse("/");
            if (host.equals(bareHost(site)) && (linkPath + "/").startsWith(path.endsWith("/") ? path : path + "/")) {
                return true;
            }
        }
        return member.feed() instanceof FeedLocation.Remote remote && host.equals(bareHost(remote.uri()));
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * Cuts a merged river into pages of {@code pageSize}, at most {@code perMemberCap} entries of
     * one member per page while other members still have entries left.
     */
    public static List<List<Entry>> paginate(List<Entry> river, int pageSize, int perMemberCap) {
        Objects.requireNonNull(river, "river");
        if (pageSize < 1 || perMemberCap < 1) {
            throw new IllegalArgumentException("pageSize and perMemberCap must be at least 1");
        }
        Map<String, Deque<Entry>> queues = new LinkedHashMap<>();
        for (Entry e : river.stream().sorted(NEWEST_FIRST).toList()) {
            queues.computeIfAbsent(e.memberId(), k -> new ArrayDeque<>()).add(e);
        }
        Comparator<Deque<Entry>> byHead = (a, b) -> NEWEST_FIRST.compare(a.peekFirst(), b.peekFirst());
        List<List<Entry>> pages = new ArrayList<>();
        int remaining = river.size();
        while (remaining > 0) {
            PriorityQueue<Deque<Entry>> ready = new PriorityQueue<>(byHead);
            queues.values().stream().filter(q -> !q.isEmpty()).forEach(ready::add);
            List<Deque<Entry>> capped = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            List<Entry> page = new ArrayList<>(pageSize);
            while (page.size() < pageSize && !(ready.isEmpty() && capped.isEmpty())) {
                if (ready.isEmpty()) {
                    ready.addAll(capped); // only capped members are left: let them fill the page
                    capped.clear();
                    counts.clear();
                }
                Deque<Entry> queue = ready.poll();
                Entry next = queue.pollFirst();
                page.add(next);
                int count = counts.merge(next.memberId(), 1, Integer::sum);
                if (!queue.isEmpty()) {
                    if (count >= perMemberCap) {
                        capped.add(queue);
                    } else {
                        ready.add(queue);
                    }
                }
            }
            page.sort(NEWEST_FIRST);
            pages.add(List.copyOf(page));
            remaining -= page.size();
        }
        return List.copyOf(pages);
    }

    /**
     * The form of a link used to recognise the same post: lower-case host without {@code www.},
     * no scheme, no default port, no fragment, no tracking parameters, no trailing slash.
     */
    public static String canonicalLink(URI link) {
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = link.getPort();
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder query = new StringBuilder();
        if (link.getRawQuery() != null) {
            for (String param : link.getRawQuery().split("&")) {
                if (!param.isEmpty() && !TRACKING.matcher(param).matches()) {
                    query.append(query.length() == 0 ? "?" : "&").append(param);
                }
            }
        }
        return "//" + host + (defaultPort ? "" : ":" + port) + path + query;
    }

    private static String idKey(Entry entry) {
        return GLOBAL_ID.matcher(entry.id()).matches() ? "id:" + entry.id() : "id:" + entry.memberId() + "\u0000" + entry.id();
    }
}
