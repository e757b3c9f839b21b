package org.lateral.aggregate;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.lateral.aggregate.fetch.CachedFeed;
import org.lateral.aggregate.fetch.FeedCache;
import org.lateral.aggregate.fetch.FetchResult;
import org.lateral.aggregate.fetch.Fetcher;
import org.lateral.aggregate.fetch.Validators;
import org.lateral.community.CommunityData;
import org.lateral.community.CommunityFile;

/**
 * Reads every member's community file ({@code community.json}: offers, requests, a mentoring
 * profile), found through the member's feed ({@code <link rel="related"
 * type="application/vnd.lateral.community+json">}, or {@code _lateral.community} in a JSON Feed) or
 * named by the member's {@code community:}. Each is fetched as feeds are: under the hub's address
 * policy, with the request deadline and the feed size cap, conditionally (ETag, Last-Modified) from
 * the hub's cache; a file that cannot be fetched this run is read from its last good copy. A file
 * that is broken or hostile is refused or trimmed by {@link CommunityFile#read}, whose links must be
 * {@code http(s)} on the member's own hosts (their feed's, their {@code site:}'s, the community
 * file's own); what was left out is a line on the health page. Nothing here stops the hub.
 */
public final class NetworkCommunity {

    private NetworkCommunity() {
    }

    /** Every member's data, by member id, in the order members are listed, and what went wrong. */
    public record Collected(Map<String, CommunityData> byMember, List<String> problems) {
        public Collected {
            byMember = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byMember));
            problems = List.copyOf(problems);
        }

        public static final Collected NONE = new Collected(Map.of(), List.of());
    }

    public static Collected collect(HubConfig config) {
        Fetcher fetcher = new Fetcher(config.settings());
        FeedCache cache = new FeedCache(config.settings().cacheDir());
        Map<String, CommunityData> byMember = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<URI> seen = new java.util.HashSet<>();
        for (Subscription s : config.subscriptions()) {
            Optional<FeedLocation> where = Optional.ofNullable(config.communities().get(s.id()))
                    .or(() -> FeedLinks.discover(s, config, cache, "related", CommunityFile.MEDIA_TYPE, "community"));
            // one file named by two members (a bilingual site's two feeds) is read once, for the first
            if (where.isEmpty() || !seen.add(where.get().uri())) {
                continue;
            }
            Optional<CachedFeed> cached = cache.load(where.get());
            Optional<byte[]> cachedBody = cached.flatMap(c -> cache.body(where.get(), c));
            Validators validators = cachedBody.isPresent() ? cached.get().validators() : Validators.NONE;
            long deadline = System.nanoTime() + config.settings().timeout().toNanos();
            FetchResult fetched = fetcher.fetch(where.get(), validators, deadline);
            byte[] body;
            boolean fresh = false;
            if (fetched.status().kind() == FeedStatus.Kind.OK) {
                body = fetched.body();
                fresh = true;
            } else if (fetched.status().kind() == FeedStatus.Kind.NOT_MODIFIED && cachedBody.isPresent()) {
                body = cachedBody.get();
            } else {
                problems.add(s.name() + ": the community file " + where.get().display() + " could not be read ("
                        + fetched.status().format() + ")" + (cachedBody.isPresent() ? "; its last good copy is shown" : ""));
                if (cachedBody.isEmpty()) {
                    continue;
                }
                body = cachedBody.get();
            }
            CommunityFile.Read read = CommunityFile.read(body, allowed(s, config, where.get()));
            read.problems().forEach(p -> problems.add(s.name() + ": " + where.get().display() + ": " + p));
            if (read.data().isPresent()) {
                byMember.put(s.id(), read.data().get());
                if (fresh) {
                    cache.storeGood(where.get(), body, fetched.validators(), Optional.empty(), Instant.now(), Map.of());
                }
            }
        }
        return new Collected(byMember, problems);
    }

    /** Links in a member's file must be on the member's own hosts: their feed's, their site's, the file's own. */
    static Predicate<URI> allowed(Subscription s, HubConfig config, FeedLocation file) {
        Set<String> hosts = new TreeSet<>();
        if (s.feed() instanceof FeedLocation.Remote r) {
            host(r.uri()).ifPresent(hosts::add);
        }
        config.publicFeed(s).flatMap(NetworkCommunity::host).ifPresent(hosts::add);
        s.site().flatMap(NetworkCommunity::host).ifPresent(hosts::add);
        if (file instanceof FeedLocation.Remote r) {
            host(r.uri()).ifPresent(hosts::add);
        }
        return uri -> host(uri).filter(hosts::contains).isPresent();
    }

    private static Optional<String> host(URI uri) {
        return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    }

    /** The hub's community pages' model from what was read, as of {@code now}. */
    public static HubCommunity assemble(Collected collected, Hub hub, Instant now, ZoneId zone) {
        return HubCommunity.of(collected, hub, now.atZone(zone).toLocalDate(),
                HubCommunity.hubTopics(hub.editorial().topics()));
    }
}
