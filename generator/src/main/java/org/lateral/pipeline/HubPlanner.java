package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lateral.aggregate.Digest;
import org.lateral.aggregate.HealthReportWriter;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.Member;
import org.lateral.aggregate.OpmlWriter;
import org.lateral.aggregate.RiverPage;
import org.lateral.feed.FeedOutput;
import org.lateral.feed.HubFeeds;
import org.lateral.kind.Kind;
import org.lateral.render.RelativeLinks;
import org.lateral.render.Strings;
import org.lateral.render.TemplateRenderer;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * Decides every file a hub run writes and what produces it: the river (paginated), a page per
 * member and the members page, the weekly digest (page, e-mail, plain text), the feed-health page,
 * the hub's own pages ({@code content/pages/}) and 404 page — all through the theme's templates —
 * and the files made without templates: the hub's feeds, the digest feed, the blogroll (OPML) and
 * the health report (JSON). Each becomes a {@link Job}; nothing is rendered here.
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

    private final Site site;
    private final Hub hub;
    private final HubConfig config;
    private final TemplateRenderer templates;
    private final Strings strings;
    private final List<Job> jobs = new ArrayList<>();

    HubPlanner(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings) {
        this.site = site;
        this.hub = hub;
        this.config = config;
        this.templates = templates;
        this.strings = strings;
    }

    List<Job> plan() {
        for (RiverPage page : RiverPage.paginate(hub.river(), site.config().paginate(), config.perMemberCap(),
                config.riverPages(), site.basePath())) {
            html(page.outputPath(), "the hub's river", RIVER, Map.of("kind", Kind.RIVER, "paginator", page));
        }
        html("members/index.html", "the members page", MEMBERS, Map.of("kind", Kind.MEMBERS));
        for (Member m : hub.members()) {
            html(m.path() + "index.html", "the page of member \"" + m.name() + "\"", MEMBER,
                    Map.of("kind", Kind.MEMBER, "member", m));
        }
        html("digest/index.html", "the digest page", DIGEST, Map.of("kind", Kind.DIGEST, "digest", hub.digest()));
        render("digest/email.html", "the digest e-mail", DIGEST_EMAIL, Map.of("kind", Kind.DIGEST, "digest", hub.digest()),
                false);
        render("digest/digest.txt", "the digest text", DIGEST_TEXT, Map.of("kind", Kind.DIGEST, "digest", hub.digest()),
                false);
        html("health/index.html", "the feed-health page", HEALTH, Map.of("kind", Kind.HEALTH));
        for (Page p : site.pages()) {
            Map<String, Object> model = new HashMap<>();
            model.put("kind", Kind.PAGE);
            model.put("page", p);
            add(p.outputPath(), p.source().toString(), Optional.of(p.source()), p.layout().map(l -> l + ".ftlh")
                    .orElse("page.ftlh"), model, site.config().relativeUrls());
        }
        if (templates.exists("404.ftlh")) {
            render("404.html", "the 404 page", "404.ftlh", Map.of("kind", Kind.NOT_FOUND), false);
        }
        bytes("health/report.json", "the feed-health report", () -> new HealthReportWriter().toJson(hub.report()));
        bytes("blogroll.opml", "the blogroll", () -> OpmlWriter.write(site.title(), config.blogroll(), hub.generated()));
        HubFeeds feeds = new HubFeeds(site, hub);
        List<FeedOutput> files = new ArrayList<>(feeds.river());
        files.add(feeds.digest(strings.get("hub_digest_feed_title", site.title()), this::digestTitle,
                d -> templates.render(DIGEST_CONTENT, Map.of("site", site, "hub", hub, "digest", d, "kind", Kind.DIGEST.templateName()))));
        for (FeedOutput f : files) {
            jobs.add(new Job(f.outputPath(), f.origin(), Optional.empty(), f.content()));
        }
        return jobs;
    }

    /** "Week of 16 November 2026: 3 posts from 2 members", in the hub's language. */
    private String digestTitle(Digest d) {
        String week = d.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.config().locale()));
        return strings.get("hub_digest_entry_title", week, d.count(), d.sections().size());
    }

    private void html(String outputPath, String origin, String template, Map<String, Object> model) {
        render(outputPath, origin, template, model, site.config().relativeUrls());
    }

    private void render(String outputPath, String origin, String template, Map<String, Object> model, boolean relative) {
        add(outputPath, origin, Optional.empty(), template, model, relative);
    }

    private void add(String outputPath, String origin, Optional<java.nio.file.Path> source, String template,
                     Map<String, Object> model, boolean relative) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("kind", ((Kind) model.get("kind")).templateName()); // templates compare names: kind == "river"
        full.put("site", site);
        full.put("hub", hub);
        String basePath = site.basePath();
        jobs.add(new Job(outputPath, origin, source, () -> {
            String out = templates.render(template, full);
            if (relative) {
                out = RelativeLinks.rewrite(out, outputPath, basePath);
            }
            return out.getBytes(StandardCharsets.UTF_8);
        }));
    }

    private void bytes(String outputPath, String origin, Supplier<String> text) {
        jobs.add(new Job(outputPath, origin, Optional.empty(), () -> text.get().getBytes(StandardCharsets.UTF_8)));
    }
}
