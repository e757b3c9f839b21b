package org.lateral.importer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An old blog as its export describes it: the blog's own details, its posts and pages, its media
 * ({@code attachments}: WordPress attachment id → address; {@code attachmentPages}: the address of
 * each attachment's own page on the old blog → the file's address, as {@link #pageKey} makes it), and
 * what was left out, by kind, for the report.
 */
record Export(String format, Optional<String> title, Optional<String> description, Optional<String> language,
        Optional<String> baseUrl, List<Item> items, Map<String, String> attachments, Map<String, List<String>> attachmentsByParent,
        Map<String, Integer> skipped, Map<String, String> attachmentPages) {

    Export {
        items = List.copyOf(items);
        attachments = Map.copyOf(attachments);
        attachmentsByParent = Map.copyOf(attachmentsByParent);
        skipped = Map.copyOf(skipped);
        attachmentPages = Map.copyOf(attachmentPages);
    }

    /** An export with no attachment pages (Blogger, feeds). */
    Export(String format, Optional<String> title, Optional<String> description, Optional<String> language,
            Optional<String> baseUrl, List<Item> items, Map<String, String> attachments,
            Map<String, List<String>> attachmentsByParent, Map<String, Integer> skipped) {
        this(format, title, description, language, baseUrl, items, attachments, attachmentsByParent, skipped, Map.of());
    }

    /**
     * An old address as attachment pages are looked up: without scheme, {@code www.}, fragment or
     * final slash, so that {@code http://blog.example/2010/09/gallery/boat/} and
     * {@code https://www.blog.example/2010/09/gallery/boat} are one page.
     */
    static String pageKey(String address) {
        String a = address.strip().replaceFirst("#.*$", "").replaceFirst("(?i)^https?://(www\\.)?", "");
        while (a.endsWith("/")) {
            a = a.substring(0, a.length() - 1);
        }
        return a.toLowerCase(java.util.Locale.ROOT);
    }
}
