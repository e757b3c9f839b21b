package org.lateral.aggregate.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;

import org.lateral.aggregate.Conversations;
import org.lateral.aggregate.Enclosure;
import org.lateral.aggregate.Entry;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.CleanHtml;
import org.lateral.safety.Sanitizer;
import org.lateral.safety.UrlPolicy;

/**
 * Turns one Rome entry into an {@link Entry}: the rules of {@link Entry}'s documentation (ids,
 * titles, dates, addresses, plain text, sanitised HTML) are applied here.
 */
final class EntryNormalizer {

    private static final int MAX_TITLE = 200;
    private static final int MAX_SUMMARY = 300;
    private static final int MAX_CATEGORIES = 20;
    private static final int MAX_ID = 500;
    /** At most this many links of an excerpt-only member's content are kept for conversations. */
    static final int MAX_LINKS = 100;
    /** An author's raw name is cut to this before anything looks at it (names are shown at 100). */
    static final int MAX_RAW_NAME = 1000;
    private static final Pattern BARE_EMAIL = Pattern.compile("^\\s*(?:mailto:)?[^\\s@]+@[^\\s@]+\\s*$");
    /** Dates before this are not real publication dates (year 1, 1900, negative years): unknown instead. */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1990-01-01T00:00:00Z");

    private final Sanitizer sanitizer;

    EntryNormalizer(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    Entry normalize(SyndFeed feed, SyndEntry item, FeedTree.EntryHints hints, FeedContext ctx) {
        return finish(read(feed, item, hints, ctx.documentUri()), ctx);
    }

    /** What the feed says of one entry, sanitised: everything that does not depend on the run or the member. */
    ReadEntry read(SyndFeed feed, SyndEntry item, FeedTree.EntryHints hints, URI documentUri) {
        boolean atom = Optional.ofNullable(feed.getFeedType()).orElse("").startsWith("atom");
        Optional<URI> channelLink = UrlPolicy.resolveWeb(nz(feed.getLink()), documentUri);
        Optional<URI> documentBase = Optional.of(documentUri);
        Optional<URI> link = UrlPolicy.resolveWeb(nz(item.getLink()), hints.xmlBase().or(() -> documentBase))
                .or(() -> UrlPolicy.resolveWeb(nz(item.getLink()), channelLink))
                .or(() -> guidPermalink(item));
        // Content is read against xml:base when the feed sets one; else the post's own page; else the site.
        Optional<URI> base = hints.xmlBase().or(() -> link).or(() -> channelLink).or(() -> documentBase);
        String baseUri = base.map(URI::toString).orElse("");

        SyndContent description = item.getDescription();
        SyndContent body = item.getContents().stream()
                .filter(c -> c != null && c.getValue() != null && !c.getValue().isBlank() && isTextual(c.getType()))
                .findFirst().orElse(description);
        CleanHtml content = body == null ? CleanHtml.EMPTY : sanitizer.clean(asHtml(body), baseUri);
        CleanHtml summaryHtml = description == null || description == body ? content
                : sanitizer.clean(asHtml(description), baseUri);
        String summary = truncate(summaryHtml.text().isEmpty() ? content.text() : summaryHtml.text(), MAX_SUMMARY);

        String title = title(item, atom, summary);
        String id = id(item, link, title, body);

        Optional<Instant> published = date(item.getPublishedDate(), hints.rawPublished());
        Optional<Instant> updated = date(item.getUpdatedDate(), hints.rawUpdated());

        List<Enclosure> enclosures = enclosures(item, base);
        Optional<URI> image = enclosures.stream().filter(Enclosure::isImage).map(Enclosure::url)
                .filter(u -> !AddressPolicy.publicOnly().isCertainlyInternal(u.getHost())).findFirst()
                .or(content::firstImage);

        boolean summaryOnly = body == null || body == description;
        return new ReadEntry(id, title, link, authors(item, feed), categories(item), published, updated,
                content.html(), summary, enclosures, image, hints.language(), hints.replyTo(), summaryOnly,
                Conversations.linksIn(content.html()));
    }

    /**
     * The entry as this run shows it: the date policy of {@link Entry} (against "now" and the
     * first-seen times), the member's name when the feed names no author, no content for
     * excerpt-only members.
     */
    static Entry finish(ReadEntry read, FeedContext ctx) {
        String id = read.id();
        Instant firstSeen = ctx.firstSeen().getOrDefault(id, ctx.now());
        if (firstSeen.isAfter(ctx.now())) {
            firstSeen = ctx.now();
        }
        Optional<Instant> published = read.published();
        Optional<Instant> updated = read.updated();
        boolean estimated = published.isEmpty() && updated.isEmpty();
        Instant pub = published.or(() -> updated).orElse(firstSeen);
        if (pub.isAfter(ctx.now())) {
            pub = firstSeen;
        }
        Instant upd = updated.orElse(pub);
        if (upd.isAfter(ctx.now())) {
            upd = firstSeen.isBefore(pub) ? pub : firstSeen;
        }
        List<String> authors = read.authors().isEmpty() ? List.of(ctx.member().name()) : read.authors();
        // What it answers: the feed's thread links, and for an excerpt-only member the links of the
        // content the hub does not keep (so their replies are found without showing their posts)
        List<String> refersTo = new ArrayList<>(read.replyTo());
        if (ctx.member().excerptOnly() && !read.contentHtml().isEmpty()) {
            read.links().stream().filter(h -> UrlPolicy.parseWeb(h).isPresent()).limit(MAX_LINKS)
                    .forEach(refersTo::add);
        }
        boolean shown = !ctx.member().excerptOnly();
        return new Entry(id, ctx.member().id(), read.title(), read.link(), authors, read.categories(), pub,
                upd, firstSeen, estimated, shown ? read.contentHtml() : "", read.summary(),
                read.enclosures(), read.image(), read.language(), refersTo, read.summaryOnly(),
                shown ? read.links() : List.of());
    }

    /**
     * Plain text of a title: Atom {@code type="text"} is already text; RSS titles and Atom html or
     * xhtml titles may hold markup and entities.
     */
    String plainTitle(SyndContent titleEx, String fallback, boolean atom) {
        String raw = titleEx != null && titleEx.getValue() != null ? titleEx.getValue() : nz(fallback);
        String type = titleEx == null ? null : titleEx.getType();
        return atom && (type == null || type.equalsIgnoreCase("text"))
                ? Sanitizer.normalizeText(raw) : sanitizer.plainText(raw);
    }

    private String title(SyndEntry item, boolean atom, String summary) {
        String text = plainTitle(item.getTitleEx(), item.getTitle(), atom);
        if (text.isEmpty()) {
            text = summary.isEmpty() ? "Untitled post" : truncate(summary, 80);
        }
        return truncate(text, MAX_TITLE);
    }

    private static String id(SyndEntry item, Optional<URI> link, String title, SyndContent body) {
        String uri = Sanitizer.normalizeText(nz(item.getUri()));
        if (!uri.isEmpty() && uri.length() <= MAX_ID) {
            return uri;
        }
        if (link.isPresent()) {
            return link.get().toString();
        }
        String basis = title + "\n" + (body == null ? "" : nz(body.getValue()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "urn:sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Optional<URI> guidPermalink(SyndEntry item) {
        return UrlPolicy.parseWeb(nz(item.getUri()));
    }

    private List<String> authors(SyndEntry item, SyndFeed feed) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : item.getAuthors()) {
            addName(names, person.getName());
        }
        addName(names, item.getAuthor());
        if (names.isEmpty()) {
            for (SyndPerson person : feed.getAuthors()) {
                addName(names, person.getName());
            }
            addName(names, feed.getAuthor());
        }
        return List.copyOf(names);
    }

    private void addName(Set<String> names, String raw) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String value = raw.length() > MAX_RAW_NAME ? raw.substring(0, MAX_RAW_NAME) : raw;
        Optional<String> withName = nameAfterEmail(value);
        if (withName.isPresent()) {
            value = withName.get();
        } else if (BARE_EMAIL.matcher(value).matches()) {
            return; // an address is not a name, and the hub does not republish it
        }
        String name = truncate(sanitizer.plainText(value), 100);
        if (!name.isEmpty() && names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
            names.add(name);
        }
    }

    /**
     * The name in RSS's {@code "ann@example.org (Ann Teacher)"}, read in one pass (no regular
     * expression, so no backtracking on hostile names): an address without spaces, then the name
     * in parentheses at the end.
     */
    static Optional<String> nameAfterEmail(String raw) {
        String s = raw.strip();
        int open = s.indexOf('(');
        if (open < 1 || !s.endsWith(")") || open == s.length() - 2) {
            return Optional.empty();
        }
        String address = s.substring(0, open).strip();
        int at = address.indexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < address.length(); i++) {
            if (Character.isWhitespace(address.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(s.substring(open + 1, s.length() - 1));
    }

    private List<String> categories(SyndEntry item) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (SyndCategory category : item.getCategories()) {
            String name = truncate(sanitizer.plainText(nz(category.getName())), 60);
            if (!name.isEmpty()) {
                byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
            if (byKey.size() == MAX_CATEGORIES) {
                break;
            }
        }
        return List.copyOf(byKey.values());
    }

    private List<Enclosure> enclosures(SyndEntry item, Optional<URI> base) {
        List<Enclosure> out = new ArrayList<>();
        for (SyndEnclosure enclosure : item.getEnclosures()) {
            UrlPolicy.resolveWeb(nz(enclosure.getUrl()), base).ifPresent(url -> out.add(new Enclosure(url,
                    truncate(Sanitizer.normalizeText(nz(enclosure.getType())).toLowerCase(Locale.ROOT), 100),
                    enclosure.getLength())));
        }
        return out;
    }

    private static Optional<Instant> date(Date parsed, Optional<String> raw) {
        Optional<Instant> date = parsed != null ? Optional.of(parsed.toInstant()) : raw.flatMap(LenientDates::parse);
        return date.filter(EntryNormalizer::plausible);
    }

    /** A date a post can really have been published: not before 1990 (year 1, 1900, negative years). */
    static boolean plausible(Instant date) {
        return !date.isBefore(EARLIEST_PLAUSIBLE);
    }

    /** Text content becomes HTML that shows the same text; HTML and XHTML stay HTML. */
    private static String asHtml(SyndContent content) {
        String value = nz(content.getValue());
        String type = nz(content.getType()).toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            StringBuilder html = new StringBuilder();
            for (String paragraph : value.strip().split("\\n\\s*\\n")) {
                html.append("<p>").append(escape(paragraph.strip())).append("</p>");
            }
            return html.toString();
        }
        return value;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean isTextual(String type) {
        if (type == null) {
            return true;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.equals("html") || t.equals("xhtml") || t.equals("text") || t.startsWith("text/")
                || t.equals("application/xhtml+xml");
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
