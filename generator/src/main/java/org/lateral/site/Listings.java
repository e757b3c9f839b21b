package org.lateral.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lateral.config.SiteConfig;
import org.lateral.plan.Kind;
import org.lateral.address.Address;
import org.lateral.taxonomy.Archive;
import org.lateral.taxonomy.Series;
import org.lateral.taxonomy.Taxonomy;
import org.lateral.taxonomy.Term;

/**
 * Every list of a site, made once from the site model, in the order the site's pages are
 * planned: home; for each taxonomy its index and its terms; authors and their index; the series index and each
 * series; the archive and each period. Only lists the site writes are made ({@code disableKinds},
 * and indexes only when they have something to list).
 */
public final class Listings {

    private Listings() {
    }

    public static List<Listing<Page>> of(Site site) {
        return of(site, a -> true);
    }

    /**
     * The lists at the addresses {@code keep} accepts (the home page, events and swap-shop lists
     * are always made): a rebuild that plans only some outputs does not make the lists it would
     * drop (every tag's pager, the taxonomy index's posts of all its terms).
     */
    public static List<Listing<Page>> of(Site site, java.util.function.Predicate<Address> keep) {
        SiteConfig config = site.config();
        boolean listFeeds = config.writes("listFeeds");
        String suffix = " · " + site.title();
        List<Listing<Page>> out = new ArrayList<>();
        Address home = Address.ofUrl(config.origin(), site.basePath(), site.basePath());
        List<Page> homePosts = site.homePosts(); // pinned posts first
        out.add(new Listing<>(Kind.HOME, home, site.title(), "the home page", homePosts,
                Pager.paginate(homePosts, config.paginate(), home), Map.of(), false, "", "", List.of()));
        if (site.hasEvents()) {
            List<Page> listed = new ArrayList<>(site.upcomingEvents().stream().map(Event::page).toList());
            site.pastEvents().forEach(e -> listed.add(e.page()));
            Address events = Address.ofUrl(config.origin(), site.basePath(), site.url("events/"));
            out.add(new Listing<>(Kind.EVENTS, events, "events", "the events page", listed,
                    Pager.paginate(listed, config.paginate(), events), Map.of(), false, "", "", List.of()));
        }
        SwapShop shop = site.swapShop();
        if (!shop.isEmpty() && config.writes(Kind.SWAP_SHOP)) {
            List<Page> listed = new ArrayList<>(shop.offers());
            listed.addAll(shop.requests());
            Address address = Address.ofUrl(config.origin(), site.basePath(), site.sideUrl(SwapShop.PATH));
            out.add(Listing.single(Kind.SWAP_SHOP, address, "swap-shop", "the swap-shop page", listed,
                    Map.of("swapShop", shop)));
        }
        for (Taxonomy t : site.taxonomies().values()) {
            if (t.isEmpty() || !config.writes(t.name())) {
                continue;
            }
            if (config.writes(Kind.TAXONOMY) && keep.test(t.address())) {
                out.add(Listing.single(Kind.TAXONOMY, t.address(), t.name(), "the " + t.name() + " page",
                        distinct(t.terms().stream().map(Term::pages).toList()), Map.of("taxonomy", t)));
            }
            for (Term term : config.writes(Kind.TERM) ? t.terms() : List.<Term>of()) {
                if (!keep.test(term.address())) {
                    continue;
                }
                out.add(new Listing<>(Kind.TERM, term.address(), term.name(),
                        "the " + t.singular() + " \"" + term.name() + "\"", term.pages(),
                        Pager.paginate(term.pages(), config.paginateTerms(), term.address()),
                        Map.of("taxonomy", t, "term", term), listFeeds, term.name() + suffix, "", term.pages()));
            }
        }
        for (Author a : config.writes(Kind.AUTHOR) ? site.authors() : List.<Author>of()) {
            if (!keep.test(a.address())) {
                continue;
            }
            List<Page> posts = site.postsByAuthor().getOrDefault(a.id(), List.of());
            out.add(new Listing<>(Kind.AUTHOR, a.address(), a.name(), "the author page of " + a.name(), posts,
                    Pager.paginate(posts, config.paginateTerms(), a.address()), Map.of("author", a), listFeeds,
                    a.name() + suffix, a.bio() == null ? "" : a.bio(), posts));
        }
        if (config.writes(Kind.AUTHORS) && !site.authors().isEmpty() && keep.test(site.authorsAddress())) {
            out.add(Listing.single(Kind.AUTHORS, site.authorsAddress(), "authors", "the authors page",
                    distinct(site.authors().stream().map(a -> site.postsByAuthor().getOrDefault(a.id(), List.of()))
                            .toList()), Map.of()));
        }
        if (config.writes(Kind.SERIES_LIST) && !site.series().isEmpty() && keep.test(site.series().address())) {
            out.add(Listing.single(Kind.SERIES_LIST, site.series().address(), "series", "the series page",
                    distinct(site.series().all().stream().map(Series::pages).toList()), Map.of()));
        }
        for (Series s : config.writes(Kind.SERIES) ? site.series().all() : List.<Series>of()) {
            if (!keep.test(s.address())) {
                continue;
            }
            out.add(new Listing<>(Kind.SERIES, s.address(), s.name(), "the series \"" + s.name() + "\"", s.parts(),
                    Pager.paginate(s.parts(), config.paginateTerms(), s.address()), Map.of("series", s), listFeeds, s.name() + suffix, "", s.pages()));
        }
        if (config.writes(Kind.ARCHIVE) && !site.archive().isEmpty() && keep.test(site.archive().address())) {
            out.add(Listing.single(Kind.ARCHIVE, site.archive().address(), "archive", "the archive page", site.posts(),
                    Map.of()));
        }
        for (Archive.Period p : config.writes(Kind.ARCHIVE_PERIOD) ? site.archive().periods() : List.<Archive.Period>of()) {
            if (!keep.test(p.address())) {
                continue;
            }
            out.add(new Listing<>(Kind.ARCHIVE_PERIOD, p.address(), p.key(), "the archive of " + p.key(), p.pages(),
                    Pager.paginate(p.pages(), config.paginateTerms(), p.address()), Map.of("period", p), false, "", "",
                    List.of()));
        }
        return out;
    }

    /** The posts of several lists, each once, in the order first met (by identity: pages are large). */
    private static List<Page> distinct(List<List<Page>> lists) {
        java.util.Set<Page> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Page> out = new ArrayList<>();
        for (List<Page> list : lists) {
            for (Page p : list) {
                if (seen.add(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
