package org.lateral.community;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code community.json} holds (format {@link #VERSION}, described in {@code docs/community.md}):
 * a site's open offers and requests and its mentoring profile, each with absolute addresses. A site
 * writes it ({@link CommunityFile#write}); a hub reads members' files ({@link CommunityFile#read}).
 *
 * @param title     the site's title
 * @param site      the site's address
 * @param updated   when the site was built
 * @param swapShop  the site's own swap-shop page, when it has one
 * @param offers    open offers, newest first
 * @param requests  open requests, newest first
 * @param mentoring the mentoring profile, when the site has one that is still open
 */
public record CommunityData(String title, URI site, Instant updated, Optional<URI> swapShop, List<Item> offers,
                            List<Item> requests, Optional<Profile> mentoring) {

    /** The format's version; a hub reads files of this version. */
    public static final int VERSION = 1;

    /**
     * An offer or a request: a post with an {@code offer:} or {@code request:} block.
     *
     * @param published when the post was published
     */
    public record Item(String title, URI url, List<String> topics, Optional<LocalDate> until, Optional<String> phase,
                       Optional<String> format, Optional<Instant> published) {
        public Item {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
            topics = List.copyOf(topics);
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(published, "published");
        }

        public boolean openOn(LocalDate day) {
            return until.map(u -> !u.isBefore(day)).orElse(true);
        }
    }

    /** A mentoring profile with the address of the page that shows it. */
    public record Profile(URI url, List<String> offers, List<String> seeks, Optional<String> phase,
                          Optional<LocalDate> until) {
        public Profile {
            Objects.requireNonNull(url, "url");
            offers = List.copyOf(offers);
            seeks = List.copyOf(seeks);
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(until, "until");
        }

        public boolean openOn(LocalDate day) {
            return until.map(u -> !u.isBefore(day)).orElse(true);
        }
    }

    public CommunityData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(swapShop, "swapShop");
        offers = List.copyOf(offers);
        requests = List.copyOf(requests);
        Objects.requireNonNull(mentoring, "mentoring");
    }

    public boolean isEmpty() {
        return offers.isEmpty() && requests.isEmpty() && mentoring.isEmpty();
    }
}
