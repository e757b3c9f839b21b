package org.lateral.aggregate;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as the hub shows them: who they are, their entries after merging, and how their feed
 * fared this run. Templates see it as {@code member} ({@code member.name}, {@code member.entries}).
 *
 * @param subscription who they are and where their feed is
 * @param entries      their entries on the hub, newest first (duplicates of another member's post removed)
 * @param report       how their feed fared this run
 * @param publicFeed   their feed's address for readers elsewhere (empty when the hub reads a local file
 *                     and no {@code feedUrl:} is given)
 */
public record Member(Subscription subscription, List<Entry> entries, FeedReport report, Optional<URI> publicFeed) {

    public Member {
        Objects.requireNonNull(subscription, "subscription");
        entries = List.copyOf(entries);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(publicFeed, "publicFeed");
    }

    public String id() {
        return subscription.id();
    }

    public String name() {
        return subscription.name();
    }

    public Optional<URI> site() {
        return subscription.site();
    }

    public Optional<URI> avatar() {
        return subscription.avatar();
    }

    public Optional<String> licence() {
        return subscription.licence();
    }

    public boolean excerptOnly() {
        return subscription.excerptOnly();
    }

    public List<String> topics() {
        return subscription.topics();
    }

    /** Their newest entry on the hub. */
    public Optional<Entry> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** The member's page on the hub, relative to the hub's root: {@code members/ann-teacher/}. */
    public String path() {
        return "members/" + id() + "/";
    }
}
