package org.lateral.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.NetworkCalendar;
import org.lateral.calendar.CalendarWriter;
import org.lateral.plan.Format;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.TemplateRenderer;
import org.lateral.site.Site;

/**
 * The hub's network calendar outputs, beside what {@link OutputPlanner#hub} plans: {@code events/index.html}
 * (template {@code hub/events.ftlh}: upcoming events across the network, then the past) and
 * {@code events/calendar.ics} (every event kept, with its member's UID), when any member's calendar
 * had events.
 */
final class HubEvents {

    static final String TEMPLATE = "hub/events.ftlh";
    static final String CALENDAR = "events/calendar.ics";

    private HubEvents() {
    }

    static Plan withEvents(Plan plan, Site site, Hub hub, NetworkCalendar network, TemplateRenderer templates) {
        if (!network.hasEvents()) {
            return plan;
        }
        List<Output> outputs = new ArrayList<>(plan.outputs());
        TemplateOutputs pages = new TemplateOutputs(templates, Map.of("site", site, "hub", hub, "network", network),
                site.basePath(), site.config().relativeUrls());
        if (pages.exists(TEMPLATE)) {
            outputs.add(pages.html(Kind.NETWORK_EVENTS, "events/index.html", "the network's events page",
                    Optional.empty(), TEMPLATE, Map.of(), OutputPlanner.HUB_WIDE));
        }
        outputs.add(new Output(Kind.NETWORK_EVENTS, Format.ICS, CALENDAR, "the network calendar", Optional.empty(),
                OutputPlanner.HUB_WIDE, () -> CalendarWriter.write(site.title(), network.entries(), network.built())));
        return new Plan(outputs);
    }
}
