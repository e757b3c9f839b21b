package org.lateral.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lateral.address.Address;
import org.lateral.internal.Slugs;
import org.lateral.plan.Kind;
import org.lateral.site.Listing;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Every list of a hub, made once from the hub model, in the order its pages are planned: the
 * river (paginated, with its feeds), the members page, each member's page, each topic, and the
 * digest (with its feed). They are {@link Listing}s like a site's, so the one planner writes their
 * pages and feeds. A topic has no page of its own yet ({@link Kind#TOPIC} has no formats): the
 * members page lists topics.
 *
 * <pre>{@code
 * List<Listing<?>> lists = HubListings.of(site, hub, config, "Cwm Valley Network · weekly digest");
 * }</pre>
 */
public final class HubListings {

    private HubListings() {
    }

    /**
     * @param site            the hub as a site (its address, title and {@code paginate})
     * @param digestFeedTitle the digest feed's title, in the hub's language
     */
    public static List<Listing<?>> of(Site site, Hub hub, HubConfig config, String digestFeedTitle) {
        String origin = site.config().origin();
        String base = site.basePath();
        List<Listing<?>> out = new ArrayList<>();
        out.add(river(site, hub, config));
        out.add(Listing.single(Kind.MEMBERS, Address.ofPath(origin, base, "members/"), "members", "the members page",
                hub.members(), Map.of()));
        for (Member m : hub.members()) {
            out.add(Listing.single(Kind.MEMBER, Address.ofPath(origin, base, m.path()), m.name(),
                    "the page of member \"" + m.name() + "\"", m.entries(), Map.of("member", m)));
        }
        for (Hub.Topic t : hub.topics()) {
            out.add(Listing.single(Kind.TOPIC, Address.ofPath(origin, base, "topics/" + Slugs.slugify(t.name()) + "/"),
                    t.name(), "the topic \"" + t.name() + "\"", t.members(), Map.of("topic", t)));
        }
        out.add(new Listing<>(Kind.DIGEST, Address.ofPath(origin, base, "digest/"), "digest", "the digest",
                hub.digests(), List.of(), Map.of("digest", hub.digest()), true, digestFeedTitle, "", hub.digests()));
        return out;
    }

    /** The river: its pages ({@link #riverPages}) and its feeds, the hub's own ({@code feed.xml} at the root). */
    static Listing<Entry> river(Site site, Hub hub, HubConfig config) {
        Address home = Address.ofPath(site.config().origin(), site.basePath(), "");
        return new Listing<>(Kind.RIVER, home, site.title(), "the hub's river", hub.river(),
                riverPages(hub.river(), site.config().paginate(), config.perMemberCap(), config.riverPages(), home),
                Map.of(), true, site.title(), "", hub.river());
    }

    /**
     * Cuts the river into pages of {@code pageSize} with {@link EntryMerger#paginate} (at most
     * {@code perMemberCap} entries of one member on a page while others wait), and keeps the first
     * {@code maxPages} of them: older entries stay on their members' pages. An empty river still
     * has one (empty) page.
     *
     * @param maxPages at most this many pages; 0 for all of them
     * @param home     the hub's home page, where page 1 lives
     */
    public static List<Pager<Entry>> riverPages(List<Entry> river, int pageSize, int perMemberCap, int maxPages,
            Address home) {
        List<List<Entry>> all = river.isEmpty() ? List.of(List.of()) : EntryMerger.paginate(river, pageSize, perMemberCap);
        List<List<Entry>> cut = maxPages > 0 && all.size() > maxPages ? all.subList(0, maxPages) : all;
        return Pager.of(cut, home);
    }
}
