package org.lateral.aggregate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the organiser's editorial settings made of this run, for the hub's templates as
 * {@code hub.editorial}: the topics' posts, conversations, featured posts, what curation hid and
 * why, and what the joining and migration guards kept off the river. Made by {@link Curator}.
 *
 * <pre>{@code
 * <#list hub.editorial.responsesTo(e) as r>…</#list>
 * <#list hub.editorial.topicsOf(member) as t><a href="${site.url(t.path())}">${t.name}</a></#list>
 * }</pre>
 *
 * @param config        the settings (topics, fairness, noindex, contact)
 * @param conversations who answers whom
 * @param featured      featured posts, in the curation file's order
 * @param topicPages    every topic with its posts, newest first, in the order of {@code hub.topics}
 * @param hidden        what curation hid this run, and why
 * @param held          what the joining and migration guards keep off the river, per member
 * @param memberTopics  each member's hub topics (declared, and carried by their posts), by member id
 */
public record Editorial(EditorialConfig config, Conversations conversations, List<Entry> featured,
                        List<TopicPage> topicPages, List<Hidden> hidden, List<Held> held,
                        Map<String, List<HubTopics.Topic>> memberTopics) {

    /** A topic and its posts from every member. */
    public record TopicPage(HubTopics.Topic topic, List<Entry> entries) {
        public TopicPage {
            Objects.requireNonNull(topic, "topic");
            entries = List.copyOf(entries);
        }

        public String name() {
            return topic.name();
        }

        public String path() {
            return topic.path();
        }
    }

    /**
     * A line of the health page's "hidden by curation": a post (with its title and member) or a
     * whole member, and the organiser's reason.
     */
    public record Hidden(String memberName, Optional<String> title, Optional<URI> link, String reason) {
        public boolean isMember() {
            return title.isEmpty();
        }
    }

    /**
     * Entries of a member kept off the river and digest (they are on the member's page).
     *
     * @param reason {@link RiverState.Held#JOIN} (older posts when the member joined) or
     *               {@link RiverState.Held#MIGRATION} (a suspected blog migration)
     * @param since  when it happened: the member's joining, or the latest migration
     */
    public record Held(String memberId, String memberName, RiverState.Held reason, int count, Instant since) {
        public boolean isMigration() {
            return reason == RiverState.Held.MIGRATION;
        }
    }

    /** Nothing editorial: the defaults, no topics, no conversations. */
    public static final Editorial NONE = new Editorial(EditorialConfig.DEFAULT, Conversations.NONE, List.of(), List.of(),
            List.of(), List.of(), Map.of());

    public Editorial {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(conversations, "conversations");
        featured = List.copyOf(featured);
        topicPages = List.copyOf(topicPages);
        hidden = List.copyOf(hidden);
        held = List.copyOf(held);
        memberTopics = Map.copyOf(memberTopics);
    }

    public List<Entry> responsesTo(Entry entry) {
        return conversations.responsesTo(entry);
    }

    public List<Entry> inReplyTo(Entry entry) {
        return conversations.inReplyTo(entry);
    }

    /** A member's hub topics, linking their topic pages. */
    public List<HubTopics.Topic> topicsOf(Member member) {
        return memberTopics.getOrDefault(member.id(), List.of());
    }

    public boolean isFeatured(Entry entry) {
        return featured.contains(entry);
    }

    /** Whether pages showing members' posts ask search engines not to index them. */
    public boolean noindex() {
        return config.noindex();
    }

    /** The organiser's contact for "ask to be removed", if given. */
    public Optional<URI> contact() {
        return config.contact();
    }

    /** The topics the hub has (its vocabulary). */
    public HubTopics topics() {
        return config.topics();
    }

    /** Migrations among {@link #held}. */
    public List<Held> migrations() {
        return held.stream().filter(Held::isMigration).toList();
    }
}
