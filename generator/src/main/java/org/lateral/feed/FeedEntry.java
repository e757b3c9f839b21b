package org.lateral.feed;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One post as every feed format shows it, worked out once per build: stable id, absolute URLs in
 * its HTML, text cleaned of characters XML cannot carry. The three writers map it onto their own
 * vocabulary.
 *
 * @param id          stable id (see {@link EntryIds}); the same in Atom, RSS and JSON Feed
 * @param title       plain text, never HTML
 * @param url         the post's permalink
 * @param published   the post's date
 * @param updated     front matter {@code updated}, else the date
 * @param authors     at least one: the post's authors, else the site itself
 * @param categories  the post's categories then its tags
 * @param contentHtml the whole post, every URL absolute
 * @param summaryHtml the summary, every URL absolute
 * @param summaryText the summary as plain text
 * @param image       the post's {@code image}, as an enclosure
 * @param language    the post's own language (front matter {@code lang: cy}) when it differs from the site's
 */
record FeedEntry(String id, String title, String url, ZonedDateTime published, ZonedDateTime updated,
        List<Person> authors, List<Category> categories, String contentHtml, String summaryHtml,
        String summaryText, Optional<Enclosure> image, Optional<String> language, List<String> inReplyTo) {

    /** An entry that answers no other post. */
    FeedEntry(String id, String title, String url, ZonedDateTime published, ZonedDateTime updated,
            List<Person> authors, List<Category> categories, String contentHtml, String summaryHtml,
            String summaryText, Optional<Enclosure> image, Optional<String> language) {
        this(id, title, url, published, updated, authors, categories, contentHtml, summaryHtml, summaryText, image,
                language, List.of());
    }

    FeedEntry {
        inReplyTo = List.copyOf(inReplyTo);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        Objects.requireNonNull(contentHtml, "contentHtml");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
        Objects.requireNonNull(summaryText, "summaryText");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(language, "language");
    }

    /** An author; {@code url} and {@code avatar} are absolute or empty. */
    record Person(String name, String url, String avatar) {
        Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(avatar, "avatar");
        }
    }

    /**
     * A tag or category.
     *
     * @param taxonomy {@code tags} or {@code categories}
     * @param url      the term page's absolute URL
     */
    record Category(String taxonomy, String name, String url) {
    }

    /**
     * A file attached to the entry.
     *
     * @param length bytes, 0 when unknown (a remote image)
     */
    record Enclosure(String url, String type, long length) {
    }
}
