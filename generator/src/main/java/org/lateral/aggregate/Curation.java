package org.lateral.aggregate;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organiser's curation file ({@code hub.curation: curation.yaml}): what the hub hides, and
 * why, and what it features. Read by {@link EditorialReader}, applied by {@link Curator} at every
 * run, on what the feeds say now and on what the cache kept, so a change takes effect at once.
 *
 * <pre>{@code
 * hide:
 *   - { link: https://bob.example/2025/old-post/, reason: "Bob asked for it to be taken down" }
 *   - { member: dan, reason: "left the network in March" }
 * feature:
 *   - https://ann.example/2025/03/retrieval-starters/
 * }</pre>
 *
 * @param file     the curation file as problems name it (relative to the hub), empty when there is none
 * @param hides    in the order written
 * @param features in the order written: the order they are shown
 */
public record Curation(Optional<Path> file, List<Hide> hides, List<Feature> features) {

    /** No curation file. */
    public static final Curation NONE = new Curation(Optional.empty(), List.of(), List.of());

    /**
     * Something hidden: an entry (by its link) or a whole member (by id), with the organiser's reason.
     *
     * @param link   the hidden entry's address (one of {@code link}, {@code member})
     * @param member the hidden member's id
     */
    public record Hide(Optional<URI> link, Optional<String> member, String reason, int line, int column) {
        public Hide {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reason, "reason");
            if (link.isPresent() == member.isPresent()) {
                throw new IllegalArgumentException("a hide names a link or a member");
            }
        }

        /** What it names, as written: the address or {@code member dan}. */
        public String target() {
            return link.map(URI::toString).orElseGet(() -> "member " + member.get());
        }
    }

    /** An entry shown first on the river and at the top of its week's digest. */
    public record Feature(URI link, int line, int column) {
        public Feature {
            Objects.requireNonNull(link, "link");
        }
    }

    public Curation {
        Objects.requireNonNull(file, "file");
        hides = List.copyOf(hides);
        features = List.copyOf(features);
    }

    /** Whether the entry itself is hidden ({@code link:}). */
    public Optional<Hide> hiding(Entry entry) {
        if (hides.isEmpty()) {
            return Optional.empty(); // most hubs hide nothing: no address is made canonical for nothing
        }
        return entry.link().flatMap(l -> {
            String key = EntryMerger.canonicalLink(l);
            return hides.stream().filter(h -> h.link().map(EntryMerger::canonicalLink).filter(key::equals).isPresent())
                    .findFirst();
        });
    }

    /** Whether the member is hidden ({@code member:}). */
    public Optional<Hide> hidingMember(String memberId) {
        return hides.stream().filter(h -> h.member().filter(memberId::equals).isPresent()).findFirst();
    }

    /** Whether the entry is featured. */
    public boolean features(Entry entry) {
        return entry.link().map(EntryMerger::canonicalLink)
                .map(key -> features.stream().anyMatch(f -> EntryMerger.canonicalLink(f.link()).equals(key)))
                .orElse(false);
    }
}
