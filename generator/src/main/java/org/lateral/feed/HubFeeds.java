package org.lateral.feed;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.lateral.aggregate.Digest;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.Member;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Site;

/**
 * The hub's own feeds, written by the same writers as a site's: the river as Atom
 * ({@code feed.xml}), RSS ({@code rss.xml}) and JSON Feed ({@code feed.json}), and the weekly
 * digests as Atom ({@code digest/feed.xml}).
 *
 * <p>River entries keep the id their member's feed gave them (so a reader that follows both the
 * member and the hub sees one post, as Planet feeds do) and link to the member's own page for the
 * post. Their HTML is already sanitised ({@code safety.Sanitizer}); titles, names and categories
 * are plain text, escaped by the writers. An excerpt-only member's entry carries only its summary.
 *
 * <pre>{@code
 * HubFeeds feeds = new HubFeeds(site, hub);
 * List<Output> files = new ArrayList<>(feeds.river(inputs));
 * files.add(feeds.digest("Weekly digest", d -> titleOf(d), d -> htmlOf(d), inputs));
 * }</pre>
 *
 * <p>Immutable; the outputs' suppliers may run on any thread.
 */
public final class HubFeeds {

    /** The digest feed's address, relative to the hub's root. */
    public static final String DIGEST = "digest/feed.xml";

    private final Site site;
    private final Hub hub;
    private final ZoneId zone;

    /**
     * @param site the hub as a site (its config gives the title, address, language and feed size)
     * @param hub  the assembled hub
     */
    public HubFeeds(Site site, Hub hub) {
        this.site = Objects.requireNonNull(site, "site");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.zone = site.config().timezone();
    }

    /**
     * Atom, RSS and JSON Feed of the river's newest entries ({@code feeds.entries} of them), through
     * the same {@link FeedFormats} as a site's lists.
     */
    public List<Output> river(Set<Input> inputs) {
        String url = site.basePath();
        return FeedFormats.of(Kind.RIVER, "", "the hub", inputs, () -> riverDocument(url));
    }

    /**
     * The digest feed: one Atom entry per weekly digest ({@link Hub#digests()}), each entry's
     * content the digest as HTML.
     *
     * @param feedTitle the feed's title ("Cwm Valley Network · weekly digest")
     * @param title     the entry title of a digest ("Week of 3 March 2025: 12 posts")
     * @param html      a digest as HTML with absolute links (rendered by the theme)
     */
    public Output digest(String feedTitle, Function<Digest, String> title, Function<Digest, String> html,
            Set<Input> inputs) {
        return new Output(Kind.DIGEST, Format.ATOM, DIGEST, "the digest feed", Optional.empty(), inputs,
                () -> AtomWriter.write(digestDocument(feedTitle, title, html)));
    }

    private FeedDocument riverDocument(String url) {
        List<FeedEntry> entries = hub.river().stream().limit(site.config().feeds().entries()).map(this::entry).toList();
        return document(site.title(), url, entries);
    }

    private FeedDocument digestDocument(String feedTitle, Function<Digest, String> title,
                                        Function<Digest, String> html) {
        String url = site.url("digest/");
        String host = Optional.ofNullable(URI.create(site.baseUrl()).getHost()).orElse("localhost");
        List<FeedEntry> entries = new ArrayList<>();
        for (Digest d : hub.digests()) {
            String heading = XmlChars.clean(title.apply(d));
            entries.add(new FeedEntry("tag:" + host + "," + d.key() + ":" + url, heading,
                    site.absUrl(url) + "#week-" + d.key(), d.end(), d.end(), List.of(siteAsAuthor()), List.of(),
                    XmlChars.clean(html.apply(d)), "", heading, Optional.empty(), Optional.empty()));
        }
        return document(feedTitle, url, entries);
    }

    private FeedDocument document(String title, String url, List<FeedEntry> entries) {
        ZonedDateTime updated = entries.stream().map(FeedEntry::updated).max(Comparator.comparing(ZonedDateTime::toInstant))
                .orElse(hub.generated().atZone(zone));
        String description = site.description().isBlank() ? title : site.description();
        return new FeedDocument(XmlChars.clean(title), XmlChars.clean(description.strip()), site.absUrl(url),
                site.absUrl(url + FeedPlanner.ATOM), site.absUrl(url + FeedPlanner.RSS), site.absUrl(url + FeedPlanner.JSON),
                site.language(), updated, siteAsAuthor(), true, entries);
    }

    private FeedEntry entry(Entry e) {
        Member m = hub.member(e);
        String memberPage = site.absUrl(m.path());
        String home = m.site().map(URI::toString).orElse(memberPage);
        List<FeedEntry.Person> authors = new ArrayList<>();
        for (String name : e.authors().isEmpty() ? List.of(m.name()) : e.authors()) {
            authors.add(new FeedEntry.Person(XmlChars.clean(name), home, m.avatar().map(URI::toString).orElse("")));
        }
        List<FeedEntry.Category> categories = e.categories().stream()
                .map(c -> new FeedEntry.Category("tags", XmlChars.clean(c), home)).toList();
        String link = e.link().map(URI::toString).orElse(home);
        String content = e.contentHtml().isEmpty() ? excerpt(e, m, link) : e.contentHtml();
        return new FeedEntry(XmlChars.clean(e.id()), XmlChars.clean(e.title()), link, e.published().atZone(zone),
                e.updated().atZone(zone), authors, categories, XmlChars.clean(content), "", XmlChars.clean(e.summary()),
                e.image().map(i -> new FeedEntry.Enclosure(i.toString(), MediaTypes.guess(i.getPath() == null ? ""
                        : i.getPath()), 0L)), Optional.empty());
    }

    /** An excerpt-only member's entry: the summary and a link to the whole post. */
    private static String excerpt(Entry e, Member m, String link) {
        return "<p>" + escape(e.summary()) + "</p>\n<p><a href=\"" + escape(link) + "\">" + escape(m.name())
                + ": " + escape(e.title()) + "</a></p>";
    }

    private FeedEntry.Person siteAsAuthor() {
        return new FeedEntry.Person(XmlChars.clean(site.title()), site.baseUrl(), "");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
