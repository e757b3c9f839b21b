package org.lateral.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lateral.internal.Slugs;

/**
 * The hub's topic vocabulary ({@code hub.topics} in {@code site.yaml}): each topic with the tags
 * that mean it. A tag means a topic when it equals the topic's name or one of its synonyms once
 * both are {@linkplain #normalise normalised} (case, spaces, hyphens and underscores ignored), so
 * {@code Retrieval-Practice}, {@code retrieval_practice} and {@code "retrieval practice"} are one
 * tag. US and UK spellings and Welsh terms are just more synonyms. Immutable.
 *
 * <pre>{@code
 * HubTopics topics = HubTopics.of(Map.of("Retrieval practice", List.of("retrieval", "adalw")));
 * topics.topicsOf(List.of("Retrieval-Practice", "maths"));   // ["Retrieval practice"]
 * topics.topicOf("ADALW").map(HubTopics.Topic::slug);        // "retrieval-practice"
 * }</pre>
 *
 * <p>This is the one place that decides which hub topic a tag belongs to: the topic pages, the
 * members' topics and the swap-shop's grouping all ask {@link #topicsOf}; and how a member's word
 * that is no hub topic is named ({@link #namesOf}, {@link #displayName}).
 *
 * @param topics in the order the organiser listed them
 */
public record HubTopics(List<Topic> topics) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_]+");

    /**
     * One topic: its name as the hub shows it, its address slug ({@code topics/<slug>/}) and every
     * tag that means it (its name first), as written in {@code site.yaml}.
     */
    public record Topic(String name, String slug, List<String> synonyms) {
        public Topic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(slug, "slug");
            synonyms = List.copyOf(synonyms);
        }

        /** The topic's page, relative to the hub's root: {@code topics/retrieval-practice/}. */
        public String path() {
            return "topics/" + slug + "/";
        }
    }

    /** No topics: nothing matches. */
    public static final HubTopics NONE = new HubTopics(List.of());

    public HubTopics {
        topics = List.copyOf(topics);
    }

    /**
     * Topics from names and their synonyms, in the map's order. Each topic's name is one of its
     * own tags; a tag listed under two topics means both.
     */
    public static HubTopics of(Map<String, List<String>> vocabulary) {
        List<Topic> out = new ArrayList<>();
        Set<String> slugs = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : vocabulary.entrySet()) {
            String slug = Slugs.slugify(e.getKey());
            for (int n = 2; !slugs.add(slug); n++) {
                slug = Slugs.slugify(e.getKey()) + "-" + n;
            }
            List<String> synonyms = new ArrayList<>();
            synonyms.add(e.getKey());
            synonyms.addAll(e.getValue());
            out.add(new Topic(e.getKey(), slug, synonyms));
        }
        return new HubTopics(out);
    }

    /** {@code "Retrieval-Practice "} → {@code "retrieval practice"}: how tags are compared. */
    public static String normalise(String tag) {
        return SEPARATORS.matcher(tag.strip().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    /** The first topic this tag means, if any. */
    public Optional<Topic> topicOf(String tag) {
        String key = normalise(tag);
        return topics.stream().filter(t -> t.synonyms().stream().anyMatch(s -> normalise(s).equals(key))).findFirst();
    }

    /**
     * The names of the topics these tags mean, in the order the organiser listed the topics,
     * without duplicates: what the swap-shop groups an offer by, what a member's page lists.
     */
    public List<String> topicsOf(Collection<String> tags) {
        return matching(tags).stream().map(Topic::name).toList();
    }

    /**
     * What the hub calls a word a member wrote (an offer's, a request's or a mentoring topic): the
     * names of the hub topics it means, in the organiser's order, or the word itself when it means
     * none, so nothing is left out. Group such words by {@link #normalise} and head each group with
     * {@link #displayName}.
     */
    public List<String> namesOf(String word) {
        List<String> named = topicsOf(List.of(word));
        return named.isEmpty() ? List.of(word) : named;
    }

    /**
     * The heading of one topic from every spelling of it that {@link #namesOf} gave (they all
     * {@linkplain #normalise normalise} alike): a hub topic's name exactly as the organiser wrote it;
     * else the members' own spelling when they all wrote it the same way with a capital letter in it
     * ({@code STEM}, {@code EAL}, {@code Welsh}); else the word with its first letter capitalised
     * ({@code oracy}, {@code Oracy} → {@code Oracy}; {@code early-career}, {@code early career} →
     * {@code Early career}). So a member's word sits beside the hub's topics as they do.
     */
    public String displayName(Collection<String> spellings) {
        if (spellings.isEmpty()) {
            throw new IllegalArgumentException("a topic has at least one spelling");
        }
        for (String s : spellings) {
            for (Topic t : topics) {
                if (t.name().equals(s)) {
                    return t.name();
                }
            }
        }
        Set<String> written = new LinkedHashSet<>();
        spellings.forEach(s -> written.add(s.strip().replaceAll("\\s+", " ")));
        String first = written.iterator().next();
        if (written.size() == 1 && first.codePoints().anyMatch(Character::isUpperCase)) {
            return first;
        }
        String word = normalise(first);
        return word.isEmpty() ? first
                : new StringBuilder().appendCodePoint(Character.toTitleCase(word.codePointAt(0)))
                        .append(word.substring(Character.charCount(word.codePointAt(0)))).toString();
    }

    /** Like {@link #topicsOf} but the topics themselves (with their slugs, for links). */
    public List<Topic> matching(Collection<String> tags) {
        Set<String> keys = new LinkedHashSet<>();
        tags.forEach(t -> keys.add(normalise(t)));
        List<Topic> out = new ArrayList<>();
        for (Topic t : topics) {
            if (t.synonyms().stream().map(HubTopics::normalise).anyMatch(keys::contains)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the entry carries a tag (category) that means this topic. */
    public boolean carries(Entry entry, Topic topic) {
        return matching(entry.categories()).contains(topic);
    }

    /** Every entry carrying the topic, in the given order. */
    public List<Entry> entriesOf(Topic topic, List<Entry> entries) {
        return entries.stream().filter(e -> carries(e, topic)).toList();
    }

    /** Topic name by normalised tag, for suggestions ("did you mean"). */
    Map<String, String> tagIndex() {
        Map<String, String> out = new LinkedHashMap<>();
        topics.forEach(t -> t.synonyms().forEach(s -> out.putIfAbsent(normalise(s), t.name())));
        return out;
    }
}
