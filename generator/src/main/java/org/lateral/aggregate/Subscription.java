package org.lateral.aggregate;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lateral.internal.Slugs;
import org.lateral.safety.Sanitizer;
import org.lateral.safety.UrlPolicy;

/**
 * One member of a network and the feed the hub reads for them.
 *
 * <pre>{@code
 * Subscription ann = Subscription.of("Ann Teacher", FeedLocation.parse("https://ann.example/feed.xml", hubDir))
 *         .withSite(URI.create("https://ann.example/"))
 *         .withTopics(List.of("maths", "oracy"));
 * }</pre>
 *
 * @param id          a slug unique within the hub ({@code ann-teacher}); used in page addresses
 * @param name        the member's name as shown on the hub (plain text)
 * @param feed        where the feed is read from
 * @param site        the member's own site, linked from the hub
 * @param avatar      an image of the member (http(s))
 * @param licence     the licence the member publishes under (for example "CC BY 4.0")
 * @param excerptOnly when true the hub shows only a summary and a link, never the full post
 * @param topics      topics the member writes about, for grouping on the hub
 */
public record Subscription(String id, String name, FeedLocation feed, Optional<URI> site, Optional<URI> avatar,
                           Optional<String> licence, boolean excerptOnly, List<String> topics) {

    private static final Pattern SLUG = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}]+(?:-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}]+)*");

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(avatar, "avatar");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(topics, "topics");
        if (site.isPresent() && !UrlPolicy.isWeb(site.get()) || avatar.isPresent() && !UrlPolicy.isWeb(avatar.get())) {
            throw new IllegalArgumentException("a member's site and avatar must be http(s) addresses");
        }
        name = Sanitizer.normalizeText(name);
        topics = topics.stream().map(Sanitizer::normalizeText).filter(t -> !t.isEmpty()).distinct().toList();
        licence = licence.map(Sanitizer::normalizeText).filter(l -> !l.isEmpty());
        if (!SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("member id \"" + id + "\" must be lower-case letters, digits and single dashes (a slug)");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("member name is blank");
        }
    }

    /** A member with only a name and a feed; the id is the slug of the name. */
    public static Subscription of(String name, FeedLocation feed) {
        return new Subscription(slug(name), name.strip(), feed, Optional.empty(), Optional.empty(), Optional.empty(),
                false, List.of());
    }

    public Subscription withId(String newId) {
        return new Subscription(newId, name, feed, site, avatar, licence, excerptOnly, topics);
    }

    public Subscription withSite(URI newSite) {
        return new Subscription(id, name, feed, Optional.of(newSite), avatar, licence, excerptOnly, topics);
    }

    public Subscription withAvatar(URI newAvatar) {
        return new Subscription(id, name, feed, site, Optional.of(newAvatar), licence, excerptOnly, topics);
    }

    public Subscription withLicence(String newLicence) {
        return new Subscription(id, name, feed, site, avatar, Optional.of(newLicence), excerptOnly, topics);
    }

    public Subscription withExcerptOnly(boolean newExcerptOnly) {
        return new Subscription(id, name, feed, site, avatar, licence, newExcerptOnly, topics);
    }

    public Subscription withTopics(List<String> newTopics) {
        return new Subscription(id, name, feed, site, avatar, licence, excerptOnly, newTopics);
    }

    /**
     * A slug for page addresses, the site's own rule ({@link Slugs#slugify}: accents dropped,
     * lower case in any locale, letters of other scripts kept), at most 60 characters;
     * {@code "member"} when nothing is left.
     */
    public static String slug(String text) {
        String slug = Slugs.slugify(text);
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "member" : slug;
    }
}
