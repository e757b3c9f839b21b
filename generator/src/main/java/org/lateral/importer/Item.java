package org.lateral.importer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One post or page of an old blog, as its export says, before conversion.
 *
 * @param id        the old blog's own id (WordPress {@code post_id}, Blogger's entry id)
 * @param parentId  the parent page's id, for pages in a hierarchy
 * @param html      the body, untrusted HTML
 * @param link      the old address of the post, if known
 * @param guid      the id the old blog's feed gave the post, kept as the new feed id
 * @param image     the address of the featured picture
 * @param line      where the item starts in the export
 */
record Item(Type type, String id, Optional<String> parentId, String title, String html, Optional<String> excerpt,
        Optional<OffsetDateTime> date, Optional<OffsetDateTime> updated, Status status, Optional<String> slug,
        List<String> authors, List<String> tags, List<String> categories, Optional<String> link,
        Optional<String> guid, Optional<String> image, List<Comment> comments, int line) {

    Item {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        comments = List.copyOf(comments);
    }

    enum Type { POST, PAGE }

    /** What the old blog did with the item; only {@link #PUBLISHED} and {@link #SCHEDULED} are published. */
    enum Status {
        PUBLISHED("published"), SCHEDULED("scheduled"), DRAFT("a draft"), PENDING("pending review"),
        PRIVATE("private"), PASSWORD("password-protected");

        final String words;

        Status(String words) {
            this.words = words;
        }
    }

    /** An approved comment: never an e-mail or IP address. */
    record Comment(String author, Optional<String> url, Optional<OffsetDateTime> date, String text) {
    }

    Item withParent(Optional<String> parent) {
        return new Item(type, id, parent, title, html, excerpt, date, updated, status, slug, authors, tags, categories,
                link, guid, image, comments, line);
    }
}
