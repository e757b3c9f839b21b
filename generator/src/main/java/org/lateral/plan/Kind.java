package org.lateral.plan;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of output Lateral writes, in one vocabulary (Hugo's "kinds"): the planners make
 * outputs of a kind, templates see its {@link #templateName()} as {@code kind}, and
 * {@code disableKinds} in {@code site.yaml} switches kinds off by the same names.
 *
 * <p>{@code disableKinds} accepts the name of any kind that {@link #canBeDisabled()}, the name of
 * the group a kind belongs to (its {@link #group()}: {@code series} switches off the series page
 * and every series, {@code archive} the archive and its periods, {@code search} the search page
 * and its index, {@code authors} the author pages and their index), and the few {@link #SWITCHES}
 * that are not kinds of page ({@code listFeeds}, {@code related}, {@code categories}).
 * {@link #switchNames()} lists them all; anything else is an error with a suggestion.
 *
 * <p>Each kind's {@link #formats()} is its row in the table of formats per kind (Hugo's "outputs
 * per kind"); the planners write those formats for each output of the kind.
 */
public enum Kind {
    /** The (paginated) home page listing the latest posts. */
    HOME("home", null, false, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED),
    /** A dated post: a reflection, an event write-up. */
    POST("post", null, false, Format.HTML),
    /** A standalone page: about, CPD record. */
    PAGE("page", null, false, Format.HTML),
    /** An event (a TeachMeet, an INSET day): its page and its own calendar file ({@code .ics}). */
    EVENT("event", null, false, Format.HTML, Format.ICS),
    /** The events page (upcoming, then past), paginated, with the events' Atom feed and the site calendar. */
    EVENTS("events", "events", true, Format.HTML, Format.ATOM, Format.ICS),
    /** The site's swap-shop page: its open offers and requests and its mentoring profile. */
    SWAP_SHOP("swapShop", "swapShop", true, Format.HTML),
    /** {@code community.json}: the site's open offers, requests and mentoring profile, for hubs (docs/community.md). */
    COMMUNITY("community", "swapShop", true, Format.JSON),
    /** The list of all terms of a taxonomy (all tags, all categories). */
    TAXONOMY("taxonomy", null, true, Format.HTML),
    /** One term's posts (one tag, one category), paginated. */
    TERM("term", null, true, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED, Format.ICS),
    /** One author's posts, paginated. */
    AUTHOR("author", "authors", true, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED),
    /** The list of the site's authors. */
    AUTHORS("authors", "authors", true, Format.HTML),
    /** The list of every series. */
    SERIES_LIST("seriesList", "series", true, Format.HTML),
    /** One series' parts in reading order, paginated. */
    SERIES("series", "series", true, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED),
    /** Posts by year, month and academic year: the archive's index. */
    ARCHIVE("archive", "archive", true, Format.HTML),
    /** One period of the archive (a year, a month, an academic year), paginated. */
    ARCHIVE_PERIOD("archivePeriod", "archive", true, Format.HTML),
    /** The search page. */
    SEARCH("search", "search", true, Format.HTML),
    /** The search index ({@code search-index.json} and its script copy). */
    SEARCH_INDEX("searchIndex", "search", true, Format.JSON, Format.JAVASCRIPT),
    /** The professional-learning record ({@code cpd/}) and each academic year's CSV and JSON export. */
    CPD("cpd", "cpd", true, Format.HTML, Format.CSV, Format.JSON),
    /** The professional learning projects ({@code projects/}): series with reflect, act and review parts. */
    PROJECTS("projects", null, true, Format.HTML),
    /** How to follow the site ({@code follow/}): its feeds, calendar and e-mail digest, in plain words. */
    FOLLOW("follow", null, true, Format.HTML),
    /** The page shown for an address that does not exist. */
    NOT_FOUND("404", null, true, Format.HTML),
    /** {@code sitemap.xml}. */
    SITEMAP("sitemap", null, true, Format.SITEMAP_XML),
    /** {@code robots.txt}. */
    ROBOTS("robots", null, true, Format.TEXT),
    /** A redirect page at one of a post's or page's old addresses ({@code aliases:} in its front matter). */
    ALIAS("alias", null, false, Format.HTML),
    /** The hub's river of members' posts, paginated. */
    RIVER("river", null, false, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED),
    /** The hub's members page. */
    MEMBERS("members", null, false, Format.HTML),
    /** One member of the hub. */
    MEMBER("member", null, false, Format.HTML),
    /** A topic of the hub ({@code hub.topics}): the posts carrying any of its tags from every member, paginated, with feeds. */
    TOPIC("topic", null, false, Format.HTML, Format.ATOM, Format.RSS, Format.JSON_FEED),
    /** The hub's topics index ({@code topics/}). */
    TOPICS("topics", null, false, Format.HTML),
    /** The hub's weekly digest (page, e-mail, text, feed, and {@code digest.json}: which week it is, for sending). */
    DIGEST("digest", null, false, Format.HTML, Format.TEXT, Format.ATOM, Format.JSON),
    /** One week's digest in the hub's digest archive ({@code digest/2025-W11/}). */
    DIGEST_WEEK("digestWeek", null, false, Format.HTML),
    /** The hub's feed-health page and report. */
    HEALTH("health", null, false, Format.HTML, Format.JSON),
    /** The hub's network calendar: its events page and its {@code calendar.ics}, merged from members' calendars. */
    NETWORK_EVENTS("networkEvents", null, false, Format.HTML, Format.ICS),
    /** The hub's swap-shop: members' open offers and requests, by topic. */
    HUB_SWAP_SHOP("hubSwapShop", null, false, Format.HTML),
    /** The hub's mentoring page: members' profiles and suggested pairs. */
    MENTORING("mentoring", null, false, Format.HTML),
    /** The hub's OPML blogroll. */
    BLOGROLL("blogroll", null, false, Format.OPML);

    /**
     * Words of {@code disableKinds} that are not kinds of page, with what each switches off.
     */
    public static final Map<String, String> SWITCHES = switches();

    private static Map<String, String> switches() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("listFeeds", "the Atom, RSS and JSON feeds of each tag, category, author and series");
        m.put("related", "related posts on each post");
        m.put("categories", "the categories taxonomy: its pages and feeds");
        return Collections.unmodifiableMap(m);
    }

    private final String templateName;
    private final String group;
    private final boolean canBeDisabled;
    private final List<Format> formats;

    Kind(String templateName, String group, boolean canBeDisabled, Format... formats) {
        this.templateName = templateName;
        this.group = group;
        this.canBeDisabled = canBeDisabled;
        this.formats = List.of(formats);
    }

    /**
     * The formats written for an output of this kind, in order: the table of formats per kind
     * (a tag has its page and its Atom, RSS and JSON feeds; a post only its page).
     */
    public List<Format> formats() {
        return formats;
    }

    /** The name templates see as {@code kind} ({@code "term"}, {@code "archivePeriod"}) and {@code disableKinds} uses. */
    public String templateName() {
        return templateName;
    }

    /** The {@code disableKinds} word that switches this kind off with its relatives, if any. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** Whether {@code disableKinds} may switch this kind off (the home page, posts and pages stay). */
    public boolean canBeDisabled() {
        return canBeDisabled;
    }

    /** Whether a site whose {@code disableKinds} holds these words writes this kind. */
    public boolean isWrittenUnless(Set<String> disabled) {
        return !disabled.contains(templateName) && (group == null || !disabled.contains(group));
    }

    /** The kind templates call {@code name}. */
    public static Optional<Kind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.templateName.equals(name)).findFirst();
    }

    /** Every word {@code disableKinds} accepts, sorted. */
    public static Set<String> switchNames() {
        Set<String> names = new TreeSet<>(SWITCHES.keySet());
        for (Kind k : values()) {
            if (k.canBeDisabled) {
                names.add(k.templateName);
                k.group().ifPresent(names::add);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** The template names of every kind, in declaration order. */
    public static List<String> templateNames() {
        return Arrays.stream(values()).map(Kind::templateName).toList();
    }
}
