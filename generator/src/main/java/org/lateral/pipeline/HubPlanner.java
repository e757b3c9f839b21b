package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lateral.aggregate.Digest;
import org.lateral.aggregate.HealthReportWriter;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.Member;
import org.lateral.aggregate.OpmlWriter;
import org.lateral.aggregate.RiverPage;
import org.lateral.feed.HubFeeds;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.Strings;
import org.lateral.render.TemplateRenderer;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * Decides every file a hub run writes and what produces it: the river (paginated), a page per
 * member and the members page, the weekly digest (page, e-mail, plain text), the feed-health page,
 * the hub's own pages ({@code content/pages/}) and 404 page — all through the theme's templates —
 * and the files made without templates: the hub's feeds, the digest feed, the blogroll (OPML) and
 * the health report (JSON). Each becomes an {@link Output} (through the same {@link TemplateOutputs}
 * as a site's pages); nothing is rendered here.
 *
 * <p>Addresses (relative to the output folder): {@code index.html}, {@code page/N/index.html},
 * {@code members/index.html}, {@code members/<id>/index.html}, {@code digest/index.html},
 * {@code digest/email.html}, {@code digest/digest.txt}, {@code digest/feed.xml},
 * {@code health/index.html}, {@code health/report.json}, {@code feed.xml}, {@code rss.xml},
 * {@code feed.json}, {@code blogroll.opml}.
 */
final class HubPlanner {

    static final String RIVER = "hub/river.ftlh";
    static final String MEMBER = "hub/member.ftlh";
    static final String MEMBERS = "hub/members.ftlh";
    static final String DIGEST = "hub/digest.ftlh";
    static final String DIGEST_EMAIL = "hub/digest-email.ftlh";
    static final String DIGEST_TEXT = "hub/digest-text.ftl";
    static final String HEALTH = "hub/health.ftlh";
    /** A digest's posts with absolute links: the digest feed's entry content. */
    static final String DIGEST_CONTENT = "hub/digest-content.ftlh";
    /** Every hub output is made from what the members' feeds said, and from the hub's templates and settings. */
    static final Set<Input> INPUTS = Set.of(Input.FEEDS, Input.FRONT_MATTER, Input.TEMPLATES, Input.CONFIG, Input.DATA);

    private final Site site;
    private final Hub hub;
    private final HubConfig config;
    private final TemplateRenderer templates;
    private final Strings strings;
    private final org.lateral.aggregate.NetworkCalendar network;
    private final TemplateOutputs pages;
    private final List<Output> outputs = new ArrayList<>();

    HubPlanner(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings) {
        this(site, hub, config, templates, strings, org.lateral.aggregate.NetworkCalendar.empty(hub.generated()));
    }

    /** @param network the members' events ({@link HubEvents} plans their page and calendar), for the digest */
    HubPlanner(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings,
            org.lateral.aggregate.NetworkCalendar network) {
        this.site = site;
        this.hub = hub;
        this.config = config;
        this.templates = templates;
        this.strings = strings;
        this.network = network;
        this.pages = new TemplateOutputs(templates, Map.of("site", site, "hub", hub, "network", network), site.basePath(),
                site.config().relativeUrls());
    }

    Plan plan() {
        for (RiverPage page : RiverPage.paginate(hub.river(), site.config().paginate(), config.perMemberCap(),
                config.riverPages(), site.basePath())) {
            html(Kind.RIVER, page.outputPath(), "the hub's river", RIVER, Map.of("paginator", page));
        }
        html(Kind.MEMBERS, "members/index.html", "the members page", MEMBERS, Map.of());
        for (Member m : hub.members()) {
            html(Kind.MEMBER, m.path() + "index.html", "the page of member \"" + m.name() + "\"", MEMBER,
                    Map.of("member", m));
        }
        Map<String, Object> digest = Map.of("digest", hub.digest());
        html(Kind.DIGEST, "digest/index.html", "the digest page", DIGEST, digest);
        outputs.add(pages.render(Kind.DIGEST, Format.HTML, "digest/email.html", "the digest e-mail", Optional.empty(),
                DIGEST_EMAIL, digest, INPUTS, false));
        outputs.add(pages.render(Kind.DIGEST, Format.TEXT, "digest/digest.txt", "the digest text", Optional.empty(),
                DIGEST_TEXT, digest, INPUTS, false));
        html(Kind.HEALTH, "health/index.html", "the feed-health page", HEALTH, Map.of());
        for (Page p : site.pages()) {
            Set<Input> inputs = new HashSet<>(INPUTS);
            inputs.add(Input.source(p.source()));
            outputs.add(pages.html(Kind.PAGE, p.outputPath(), p.source().toString(), Optional.of(p.source()),
                    p.layout().map(l -> l + ".ftlh").orElse("page.ftlh"), Map.of("page", p), inputs));
        }
        if (pages.exists("404.ftlh")) {
            outputs.add(pages.html(Kind.NOT_FOUND, "404.html", "the 404 page", Optional.empty(), "404.ftlh", Map.of(),
                    INPUTS));
        }
        bytes(Kind.HEALTH, Format.JSON, "health/report.json", "the feed-health report",
                () -> new HealthReportWriter().toJson(hub.report()));
        bytes(Kind.BLOGROLL, Format.OPML, "blogroll.opml", "the blogroll",
                () -> OpmlWriter.write(site.title(), config.blogroll(), hub.generated()));
        HubFeeds feeds = new HubFeeds(site, hub);
        outputs.addAll(feeds.river(INPUTS));
        outputs.add(feeds.digest(strings.get("hub_digest_feed_title", site.title()), this::digestTitle,
                d -> templates.render(DIGEST_CONTENT, Map.of("site", site, "hub", hub, "network", network, "digest", d, "kind",
                        Kind.DIGEST.templateName())), INPUTS));
        return new Plan(outputs);
    }

    /** "Week of 16 November 2026: 3 posts from 2 members", in the hub's language. */
    private String digestTitle(Digest d) {
        String week = d.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.config().locale()));
        return strings.get("hub_digest_entry_title", week, d.count(), d.sections().size());
    }

    private void html(Kind kind, String outputPath, String origin, String template, Map<String, Object> model) {
        outputs.add(pages.html(kind, outputPath, origin, Optional.empty(), template, model, INPUTS));
    }

    private void bytes(Kind kind, Format format, String outputPath, String origin, Supplier<String> text) {
        outputs.add(new Output(kind, format, outputPath, origin, Optional.empty(), INPUTS,
                () -> text.get().getBytes(StandardCharsets.UTF_8)));
    }
}
