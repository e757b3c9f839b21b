package org.lateral.feed;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.lateral.aggregate.Digest;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.Member;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Listing;
import org.lateral.site.Site;

/**
 * The feeds of the hub's lists, through the same {@link FeedFormats} and writers as a site's: the
 * river's ({@code feed.xml}, {@code rss.xml}, {@code feed.json} at the root) and the weekly
 * digests' ({@code digest/feed.xml}, Atom only, as {@link Kind#DIGEST}'s row says). This class
 * only turns the hub's entries and digests into feed entries.
 *
 * <p>River entries keep the id their member's feed gave them (so a reader that follows both the
 * member and the hub sees one post, as Planet feeds do) and link to the member's own page for the
 * post. Their HTML is already sanitised ({@code safety.Sanitizer}); titles, names and categories
 * are plain text, escaped by the writers. An excerpt-only member's entry carries only its summary.
 *
 * <pre>{@code
 * HubFeeds feeds = new HubFeeds(site, hub, d -> titleOf(d), d -> htmlOf(d));
 * List<Output> files = feeds.of(listing, inputs);   // the river's or the digest's feeds
 * }</pre>
 *
 * <p>Immutable; the outputs' suppliers may run on any thread.
 */
public final class HubFeeds {

    private final Site site;
    private final Hub hub;
    private final ZoneId zone;
    private final Function<Digest, String> digestTitle;
    private final Function<Digest, String> digestHtml;

    /**
     * @param site        the hub as a site (its config gives the title, address, language and feed size)
     * @param hub         the assembled hub
     * @param digestTitle the entry title of a digest ("Week of 3 March 2025: 12 posts")
     * @param digestHtml  a digest as HTML with absolute links (rendered by the theme)
     */
    public HubFeeds(Site site, Hub hub, Function<Digest, String> digestTitle, Function<Digest, String> digestHtml) {
        this.site = Objects.requireNonNull(site, "site");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.zone = site.config().timezone();
        this.digestTitle = Objects.requireNonNull(digestTitle, "digestTitle");
        this.digestHtml = Objects.requireNonNull(digestHtml, "digestHtml");
    }

    /**
     * The feeds of one of the hub's lists that has them: the river (its newest {@code feeds.entries}
     * entries) or the digest (one entry per weekly digest, {@link Hub#digests()}); none for others.
     */
    public List<Output> of(Listing<?> list, Set<Input> inputs) {
        if (!list.hasFeeds()) {
            return List.of();
        }
        String url = list.address().url();
        return switch (list.kind()) {
            case RIVER -> FeedFormats.of(list.kind(), list.address().outputDir(), "the hub", inputs,
                    () -> document(list.feedTitle(), url, hub.river().stream().limit(site.config().feeds().entries())
                            .map(this::entry).toList()));
            case TOPIC -> FeedFormats.of(list.kind(), list.address().outputDir(), list.origin(), inputs,
                    () -> document(list.feedTitle(), url, list.feedPages().stream().limit(site.config().feeds().entries())
                            .map(e -> entry((Entry) e)).toList()));
            case DIGEST -> FeedFormats.of(list.kind(), list.address().outputDir(), "the digest", inputs,
                    () -> document(list.feedTitle(), url, digests(url)));
            default -> throw new IllegalArgumentException("the hub has no feeds for " + list.origin());
        };
    }

    private FeedDocument document(String title, String url, List<FeedEntry> entries) {
        return FeedFormats.document(site, title, "", url, entries, siteAsAuthor(), true, List.of());
    }

    /**
     * One entry per week, linking to the week's own page in the digest archive
     * ({@code https://hub.example/digest/2025-W11/}, {@link Digest#path()}: every week the feed
     * holds has one, {@link Hub#archive()}). The id is a tag URI of the week's Monday and the
     * digest's address, so it never changes when the week's page or the digest index moves on.
     */
    private List<FeedEntry> digests(String url) {
        String host = Optional.ofNullable(URI.create(site.baseUrl()).getHost()).orElse("localhost");
        List<FeedEntry> entries = new ArrayList<>();
        for (Digest d : hub.digests()) {
            String heading = XmlChars.clean(digestTitle.apply(d));
            entries.add(new FeedEntry("tag:" + host + "," + d.key() + ":" + url, heading,
                    site.absUrl(d.path()), d.end(), d.end(), List.of(siteAsAuthor()), List.of(),
                    XmlChars.clean(digestHtml.apply(d)), "", heading, Optional.empty(), Optional.empty()));
        }
        return entries;
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
                        : i.getPath()), 0L)),
                // the post's language when it is not the hub's (a Welsh post on an English hub): xml:lang, language
                e.language().filter(l -> !l.equalsIgnoreCase(site.language())));
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
