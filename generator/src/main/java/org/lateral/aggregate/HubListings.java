package org.lateral.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lateral.address.Address;
import org.lateral.plan.Kind;
import org.lateral.site.Listing;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Every list of a hub, made once from the hub model, in the order its pages are planned: the
 * river (paginated, with its feeds), the members page, each member's page, each topic, and the
 * digest (with its feed). They are {@link Listing}s like a site's, so the one planner writes their
 * pages and feeds. With {@code hub.topics}, the topics index and each topic (paginated, with its
 * feeds: the posts carrying any of its tags); each week of the digest archive has its page.
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
        if (!hub.editorial().topicPages().isEmpty()) {
            out.add(Listing.single(Kind.TOPICS, Address.ofPath(origin, base, "topics/"), "topics", "the topics index",
                    hub.editorial().topicPages(), Map.of("topics", hub.editorial().topicPages())));
        }
        for (Editorial.TopicPage t : hub.editorial().topicPages()) {
            Address at = Address.ofPath(origin, base, t.path());
            List<Pager<Entry>> pages = Pager.paginate(t.entries(), site.config().paginate(), at);
            out.add(new Listing<>(Kind.TOPIC, at, t.name(), "the topic \"" + t.name() + "\"", t.entries(), pages,
                    Map.of("topic", t), true, t.name() + " · " + site.title(), "", t.entries()));
        }
        out.add(new Listing<>(Kind.DIGEST, Address.ofPath(origin, base, "digest/"), "digest", "the digest",
                hub.digests(), List.of(), Map.of("digest", hub.digest()), true, digestFeedTitle, "", hub.digests()));
        for (Digest week : hub.archive()) {
            out.add(Listing.single(Kind.DIGEST_WEEK, Address.ofPath(origin, base, week.path()), week.isoWeek(),
                    "the digest of " + week.isoWeek(), week.entries(), Map.of("digest", week)));
        }
        return out;
    }

    /** The river: its pages ({@link #riverPages}) and its feeds, the hub's own ({@code feed.xml} at the root). */
    static Listing<Entry> river(Site site, Hub hub, HubConfig config) {
        Address home = Address.ofPath(site.config().origin(), site.basePath(), "");
        // featured posts are shown first on the river's first page, above the pages' flow
        List<Entry> flow = hub.river().stream().filter(e -> !hub.editorial().isFeatured(e)).toList();
        return new Listing<>(Kind.RIVER, home, site.title(), "the hub's river", hub.river(),
                riverPages(flow, site.config().paginate(), config.perMemberCap(), config.riverPages(), home),
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
