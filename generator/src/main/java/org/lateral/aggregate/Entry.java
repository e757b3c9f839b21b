package org.lateral.aggregate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One post from a member's feed, normalised and made safe: what the hub's templates show.
 *
 * <p>Every text field is plain text (templates escape it); {@code contentHtml} went through the
 * {@link org.lateral.safety.Sanitizer}. Addresses are absolute and http(s).
 *
 * <p><b>Date policy.</b> {@code published} is the feed's publication date (or its update date
 * when that is all there is), read leniently. An entry without any date gets the time the hub
 * first saw it ({@code firstSeen}, remembered in the cache across runs), and {@code dateEstimated}
 * is true. An entry dated in the future is given its first-seen time instead, so a wrong clock or
 * a scheduled post never floats above today's posts; once its date has passed it keeps that
 * first-seen time, which is close to its real one. {@code updated} is never before
 * {@code published} and never in the future.
 *
 * @param id            stable identity: the feed's guid or id, else the link, else a content hash
 *                      ({@code urn:sha256:…})
 * @param memberId      the {@link Subscription#id()} of the member whose feed it came from
 * @param title         plain text, never empty (a sensible title is made when the feed has none)
 * @param link          the post's own page
 * @param authors       plain-text names; the member's name when the feed names nobody
 * @param categories    plain-text categories or tags, without duplicates
 * @param published     see the date policy above
 * @param updated       see the date policy above
 * @param firstSeen     when the hub first saw this entry
 * @param dateEstimated true when the feed gave no date and {@code published} is {@code firstSeen}
 * @param contentHtml   sanitised HTML of the whole post; empty for excerpt-only members
 * @param summary       plain-text summary (at most about 300 characters)
 * @param enclosures    attached files
 * @param image         an image for the entry: an image enclosure, else the first image in the post
 * @param language      the post's language as its feed says it ({@code xml:lang} of the entry or feed, an RSS
 *                      channel's {@code language}), a language code; empty when the feed does not say
 * @param refersTo      what the post says it answers or links to beyond {@code contentHtml}, for
 *                      {@link Conversations}: addresses and ids from the feed's RFC 4685
 *                      {@code thr:in-reply-to} and {@code <link rel="in-reply-to">}/{@code rel="related"},
 *                      the links of the content an excerpt-only member's entry does not keep, and
 *                      (added by {@link ReplyPages}) the links of a summary-only entry's own page
 * @param summaryOnly   true when the feed carried no whole post for it (no Atom {@code content}, no RSS
 *                      {@code content:encoded}): its links are looked for on its page ({@link ReplyPages})
 * @param contentLinks  the links in {@code contentHtml} ({@link Conversations#linksIn}), found once when the
 *                      feed was read; empty when {@code contentHtml} is
 */
public record Entry(String id, String memberId, String title, Optional<URI> link, List<String> authors,
                    List<String> categories, Instant published, Instant updated, Instant firstSeen,
                    boolean dateEstimated, String contentHtml, String summary, List<Enclosure> enclosures,
                    Optional<URI> image, Optional<String> language, List<String> refersTo, boolean summaryOnly,
                    List<String> contentLinks) {

    /** An entry whose content's links are found now ({@link Conversations#linksIn}). */
    public Entry(String id, String memberId, String title, Optional<URI> link, List<String> authors,
                 List<String> categories, Instant published, Instant updated, Instant firstSeen,
                 boolean dateEstimated, String contentHtml, String summary, List<Enclosure> enclosures,
                 Optional<URI> image, Optional<String> language, List<String> refersTo, boolean summaryOnly) {
        this(id, memberId, title, link, authors, categories, published, updated, firstSeen, dateEstimated,
                contentHtml, summary, enclosures, image, language, refersTo, summaryOnly,
                Conversations.linksIn(Objects.requireNonNull(contentHtml, "contentHtml")));
    }

    /** An entry that refers to nothing beyond its content, from a feed that carried the whole post. */
    public Entry(String id, String memberId, String title, Optional<URI> link, List<String> authors,
                 List<String> categories, Instant published, Instant updated, Instant firstSeen,
                 boolean dateEstimated, String contentHtml, String summary, List<Enclosure> enclosures,
                 Optional<URI> image, Optional<String> language) {
        this(id, memberId, title, link, authors, categories, published, updated, firstSeen, dateEstimated,
                contentHtml, summary, enclosures, image, language, List.of(), false);
    }

    /** An entry whose feed does not say its language. */
    public Entry(String id, String memberId, String title, Optional<URI> link, List<String> authors,
                 List<String> categories, Instant published, Instant updated, Instant firstSeen,
                 boolean dateEstimated, String contentHtml, String summary, List<Enclosure> enclosures,
                 Optional<URI> image) {
        this(id, memberId, title, link, authors, categories, published, updated, firstSeen, dateEstimated,
                contentHtml, summary, enclosures, image, Optional.empty());
    }

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(firstSeen, "firstSeen");
        // Whole seconds: every date the hub writes is then a valid HTML datetime and stable in JSON.
        published = published.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        updated = updated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        firstSeen = firstSeen.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Objects.requireNonNull(contentHtml, "contentHtml");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(image, "image");
        language = language == null ? Optional.empty()
                : language.map(String::strip).filter(org.lateral.config.Languages::isTag);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
        refersTo = refersTo == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(refersTo));
        contentLinks = contentHtml.isEmpty() || contentLinks == null ? List.of() : List.copyOf(contentLinks);
        if (id.isBlank()) {
            throw new IllegalArgumentException("entry id is blank");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("entry title is blank");
        }
        if (updated.isBefore(published)) {
            updated = published;
        }
    }

    /** The same entry without its full content (for excerpt-only members). */
    public Entry withoutContent() {
        return new Entry(id, memberId, title, link, authors, categories, published, updated, firstSeen,
                dateEstimated, "", summary, enclosures, image, language, refersTo, summaryOnly, List.of());
    }

    /** The same entry also referring to these (the links of its page, {@link ReplyPages}). */
    public Entry referringAlsoTo(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(refersTo);
        all.addAll(more);
        return new Entry(id, memberId, title, link, authors, categories, published, updated, firstSeen,
                dateEstimated, contentHtml, summary, enclosures, image, language, all, summaryOnly, contentLinks);
    }
}
