package org.lateral.aggregate;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organiser's editorial settings in the {@code hub:} section of {@code site.yaml}, beside the
 * members and fetch settings of {@link HubConfig}: topics, fairness, curation, search-engine
 * indexing and the organiser's contact. Read by {@link EditorialReader}.
 *
 * @param topics        {@code topics:} the topic vocabulary
 * @param fairness      {@code digest:}, {@code river:}, {@code joining:}, {@code migration:}
 * @param curation      {@code curation:} the curation file's hides and features
 * @param noindex       {@code noindex:} (default true) the pages showing members' posts ask search
 *                      engines not to index them ({@code <meta name="robots" content="noindex">})
 * @param contact       {@code contact:} how to reach the organiser ({@code mailto:} or a web page),
 *                      named in every page's "ask to be removed" line
 * @param memberTopics  each member's declared topics as written, with where, for warnings
 */
public record EditorialConfig(HubTopics topics, Fairness fairness, Curation curation, boolean noindex,
                              Optional<URI> contact, List<Declared> memberTopics) {

    /** A topic a member's entry in {@code members:} declares, with where it is written. */
    public record Declared(String memberId, String topic, Path file, int line, int column) {
    }

    /** No topics, no curation, the default fairness, noindex on, no contact. */
    public static final EditorialConfig DEFAULT = new EditorialConfig(HubTopics.NONE, Fairness.DEFAULT, Curation.NONE,
            true, Optional.empty(), List.of());

    public EditorialConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(curation, "curation");
        Objects.requireNonNull(contact, "contact");
        memberTopics = List.copyOf(memberTopics);
    }
}
