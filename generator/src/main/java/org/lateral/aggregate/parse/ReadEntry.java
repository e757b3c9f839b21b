package org.lateral.aggregate.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lateral.aggregate.Enclosure;

/**
 * One entry as its feed's bytes give it, read and sanitised but before anything that depends on
 * the run: the date policy (which needs "now" and the first-seen times), the member's name as the
 * author of last resort and whether the member is excerpt-only. {@link FeedParser#finish} turns it
 * into an {@link org.lateral.aggregate.Entry}; the hub's cache keeps it so an unchanged feed is
 * never read again.
 *
 * @param id          stable identity (see {@link org.lateral.aggregate.Entry#id()})
 * @param title       plain text, never blank
 * @param link        the post's own page
 * @param authors     plain-text names the feed gives; empty when it names nobody (the member's name is used)
 * @param categories  plain-text categories, without duplicates
 * @param published   the feed's publication date, when it gives a plausible one
 * @param updated     the feed's update date, when it gives a plausible one
 * @param contentHtml the whole post, sanitised (kept even for excerpt-only members: never raw HTML)
 * @param summary     plain-text summary
 * @param enclosures  attached files
 * @param image       an image enclosure, else the first image in the post
 * @param language    the entry's language as the feed says it
 * @param replyTo     what the feed says the entry answers (RFC 4685 {@code thr:in-reply-to}, Atom
 *                    {@code rel="in-reply-to"|"related"}), as {@link FeedTree#replyTo} reads it
 * @param summaryOnly true when the feed carried no whole post (no Atom {@code content}, no RSS
 *                    {@code content:encoded})
 * @param links       the links in {@code contentHtml}, as {@link org.lateral.aggregate.Conversations#linksIn}
 *                    finds them (read once with the feed, so a warm run never parses the HTML again)
 */
public record ReadEntry(String id, String title, Optional<URI> link, List<String> authors, List<String> categories,
                        Optional<Instant> published, Optional<Instant> updated, String contentHtml, String summary,
                        List<Enclosure> enclosures, Optional<URI> image, Optional<String> language,
                        List<String> replyTo, boolean summaryOnly, List<String> links) {

    public ReadEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(contentHtml, "contentHtml");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(language, "language");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
        replyTo = List.copyOf(replyTo);
        links = List.copyOf(links);
        if (id.isBlank()) {
            throw new IllegalArgumentException("entry id is blank");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("entry title is blank");
        }
    }
}
