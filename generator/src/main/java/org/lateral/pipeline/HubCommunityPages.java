package org.lateral.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.address.Address;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubCommunity;
import org.lateral.aggregate.NetworkCalendar;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.TemplateRenderer;
import org.lateral.site.Listing;
import org.lateral.site.Site;

/**
 * The hub's community pages, beside what {@link OutputPlanner#hub} plans, when any member's
 * community file was read: {@code swap-shop/} (template {@code hub/swap-shop.ftlh}: open offers and
 * requests by topic) and {@code mentoring/} ({@code hub/mentoring.ftlh}: profiles and suggested
 * pairs), each a {@link Listing} of its kind.
 */
final class HubCommunityPages {

    static final String SWAP_SHOP = "hub/swap-shop.ftlh";
    static final String MENTORING = "hub/mentoring.ftlh";

    private HubCommunityPages() {
    }

    static Plan with(Plan plan, Site site, Hub hub, NetworkCalendar network, HubCommunity community,
            TemplateRenderer templates) {
        if (!community.read()) {
            return plan;
        }
        List<Output> outputs = new ArrayList<>(plan.outputs());
        TemplateOutputs pages = new TemplateOutputs(templates, Map.of("site", site, "hub", hub, "network", network,
                "community", community), site.basePath(), site.config().relativeUrls());
        List<Listing<?>> listings = List.of(
                Listing.single(Kind.HUB_SWAP_SHOP, Address.ofPath(site.config().origin(), site.basePath(), "swap-shop/"),
                        "swap-shop", "the swap-shop page", community.all(), Map.of()),
                Listing.single(Kind.MENTORING, Address.ofPath(site.config().origin(), site.basePath(), "mentoring/"),
                        "mentoring", "the mentoring page", community.profiles(), Map.of()));
        for (Listing<?> l : listings) {
            String template = l.kind() == Kind.HUB_SWAP_SHOP ? SWAP_SHOP : MENTORING;
            if (pages.exists(template)) {
                Map<String, Object> model = new HashMap<>(l.subject());
                model.put("listing", l);
                outputs.add(pages.html(l.kind(), l.address().outputPath(), l.origin(), Optional.empty(), template, model,
                        OutputPlanner.HUB_WIDE));
            }
        }
        return new Plan(outputs);
    }
}
