package org.lateral.site;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lateral.community.CommunityData;
import org.lateral.community.Mentoring;
import org.lateral.community.Swap;

/**
 * A site's swap-shop at build time: its posts with an {@code offer:} or {@code request:} that is
 * still open (an {@code until} day before the build's day has passed; as events, relative to the
 * build), newest first, and its mentoring profile while open. What the swap-shop page shows and
 * {@code community.json} carries ({@link #data}).
 *
 * @param offers    open offers, newest first
 * @param requests  open requests, newest first
 * @param mentoring the profile, when site.yaml has one still open
 */
public record SwapShop(List<Page> offers, List<Page> requests, Optional<Mentoring> mentoring) {

    /** The swap-shop page's address, below the base path. */
    public static final String PATH = "swap-shop/";

    public SwapShop {
        offers = List.copyOf(offers);
        requests = List.copyOf(requests);
    }

    /**
     * The last site's swap-shop: templates ask for it on every page ({@code site.hasSwapShop}, the
     * menu) and each feed asks whether the site has community data, so it is found once per site
     * rather than by going through every post each time. A site is immutable, so its swap-shop
     * never changes; held weakly, so a finished build is not kept alive by it.
     */
    private static volatile Memo last;

    private record Memo(java.lang.ref.WeakReference<Site> site, SwapShop shop) {
    }

    static SwapShop of(Site site) {
        Memo m = last;
        if (m != null && m.site().get() == site) {
            return m.shop();
        }
        SwapShop shop = find(site);
        last = new Memo(new java.lang.ref.WeakReference<>(site), shop);
        return shop;
    }

    private static SwapShop find(Site site) {
        LocalDate today = site.buildTime().toLocalDate();
        List<Page> open = site.posts().stream()
                .filter(p -> p.swap().filter(s -> s.openOn(today)).isPresent()).toList();
        return new SwapShop(open.stream().filter(p -> p.swap().get().isOffer()).toList(),
                open.stream().filter(p -> !p.swap().get().isOffer()).toList(),
                site.config().mentoring().filter(m -> m.openOn(today)));
    }

    public boolean isEmpty() {
        return offers.isEmpty() && requests.isEmpty() && mentoring.isEmpty();
    }

    /** What {@code community.json} holds, with absolute addresses. */
    public CommunityData data(Site site, boolean swapShopPage) {
        URI page = URI.create(site.absUrl(PATH));
        return new CommunityData(site.title(), URI.create(site.config().baseUrl()), site.buildTime().toInstant(),
                swapShopPage ? Optional.of(page) : Optional.empty(), items(offers), items(requests),
                mentoring.map(m -> new CommunityData.Profile(swapShopPage ? URI.create(page + "#mentoring")
                        : URI.create(site.config().baseUrl()), m.offers(), m.seeks(), m.phase(), m.until())));
    }

    private static List<CommunityData.Item> items(List<Page> pages) {
        return pages.stream().map(p -> {
            Swap s = p.swap().orElseThrow();
            return new CommunityData.Item(p.title(), URI.create(p.permalink()), s.topics(), s.until(), s.phase(),
                    s.format(), Optional.of(p.date().toInstant()));
        }).toList();
    }
}
