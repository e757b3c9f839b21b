package org.lateral.importer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An old blog as its export describes it: the blog's own details, its posts and pages, its media
 * ({@code attachments}: WordPress attachment id → address), and what was left out, by kind, for the report.
 */
record Export(String format, Optional<String> title, Optional<String> description, Optional<String> language,
        Optional<String> baseUrl, List<Item> items, Map<String, String> attachments, Map<String, List<String>> attachmentsByParent,
        Map<String, Integer> skipped) {

    Export {
        items = List.copyOf(items);
        attachments = Map.copyOf(attachments);
        attachmentsByParent = Map.copyOf(attachmentsByParent);
        skipped = Map.copyOf(skipped);
    }
}
