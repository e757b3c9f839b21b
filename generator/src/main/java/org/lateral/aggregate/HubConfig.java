package org.lateral.aggregate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code hub:} section of a hub's {@code site.yaml}, read by {@link HubConfigReader}: who the
 * members are, how their feeds are fetched, and how the river is cut into pages.
 *
 * <pre>{@code
 * HubConfig hub = HubConfigReader.read(siteConfig.hub(), hubDir, Path.of("site.yaml"), output, baseUrl, problems);
 * new HubCollector(hub.settings()).collect(hub.subscriptions());
 * }</pre>
 *
 * @param subscriptions every member, {@code members:} first, then those of the {@code opml:} file
 * @param publicFeeds   a member's public feed address by member id, when the hub reads a local copy
 *                      of it ({@code feedUrl:}); used for the blogroll
 * @param settings      fetch limits and the cache folder
 * @param perMemberCap  at most this many entries of one member on a river page while others wait
 * @param riverPages    at most this many river pages (0: all); older entries stay on the members' pages
 * @param opmlTitle     the title of the {@code opml:} file, empty when there is none
 * @param calendars     a member's calendar by member id, when {@code calendar:} names it (else the hub
 *                      looks for the calendar its feed links)
 * @param communities   a member's community file by member id, when {@code community:} names it (else the
 *                      hub looks for the one its feed links)
 */
public record HubConfig(List<Subscription> subscriptions, Map<String, URI> publicFeeds, HubSettings settings,
                        int perMemberCap, int riverPages, String opmlTitle, Map<String, FeedLocation> calendars,
                        Map<String, FeedLocation> communities) {

    /** A hub whose members' community files are found through their feeds. */
    public HubConfig(List<Subscription> subscriptions, Map<String, URI> publicFeeds, HubSettings settings,
            int perMemberCap, int riverPages, String opmlTitle, Map<String, FeedLocation> calendars) {
        this(subscriptions, publicFeeds, settings, perMemberCap, riverPages, opmlTitle, calendars, Map.of());
    }

    /** A hub whose members' calendars are found through their feeds. */
    public HubConfig(List<Subscription> subscriptions, Map<String, URI> publicFeeds, HubSettings settings,
            int perMemberCap, int riverPages, String opmlTitle) {
        this(subscriptions, publicFeeds, settings, perMemberCap, riverPages, opmlTitle, Map.of());
    }

    /** Entries of one member on a river page while others still have entries to show. */
    public static final int DEFAULT_PER_MEMBER_CAP = 3;
    /** River pages: with 15 entries a page, the newest 750 entries of the network. */
    public static final int DEFAULT_RIVER_PAGES = 50;

    public HubConfig {
        subscriptions = List.copyOf(subscriptions);
        publicFeeds = Map.copyOf(publicFeeds);
        calendars = Map.copyOf(calendars);
        communities = Map.copyOf(communities);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(opmlTitle, "opmlTitle");
        if (perMemberCap < 1) {
            throw new IllegalArgumentException("perMemberCap must be at least 1");
        }
        if (riverPages < 0) {
            throw new IllegalArgumentException("riverPages must be 0 (all) or more");
        }
    }

    /** The same settings for fewer members (curation hides whole members before their feeds are read). */
    public HubConfig withSubscriptions(List<Subscription> members) {
        return new HubConfig(members, publicFeeds, settings, perMemberCap, riverPages, opmlTitle, calendars, communities);
    }

    /** A member's feed address as a reader elsewhere can follow it: the web feed, or {@code feedUrl:}. */
    public Optional<URI> publicFeed(Subscription member) {
        if (member.feed() instanceof FeedLocation.Remote remote) {
            return Optional.of(remote.uri());
        }
        return Optional.ofNullable(publicFeeds.get(member.id()));
    }

    /**
     * The members as the blogroll lists them: those with a public feed address, each with that
     * address as its feed (a local path means nothing to a reader elsewhere).
     */
    public List<Subscription> blogroll() {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : subscriptions) {
            publicFeed(s).ifPresent(uri -> out.add(new Subscription(s.id(), s.name(), new FeedLocation.Remote(uri),
                    s.site(), s.avatar(), s.licence(), s.excerptOnly(), s.topics())));
        }
        return out;
    }
}
