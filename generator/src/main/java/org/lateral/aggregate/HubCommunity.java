package org.lateral.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lateral.community.CommunityData;

/**
 * The hub's swap-shop and mentoring directory, what the hub's templates receive as
 * {@code community}: members' open offers and requests grouped by topic, their mentoring profiles,
 * and suggested pairs where one member offers what another seeks. Expired offers, requests and
 * profiles (an {@code until} before the hub's day) are left out. Nobody is ranked: members come in
 * the order the organiser listed them, topics alphabetically. Topics are named by the hub's one
 * vocabulary, {@link HubTopics#namesOf} and {@link HubTopics#displayName}: a word that is no hub
 * topic is one group whatever its case or spacing, headed as the hub's topics are.
 *
 * @param groups   one per topic that has an open offer or request, alphabetically
 * @param profiles open mentoring profiles, in member order
 * @param pairs    suggested pairs, mentor in member order, then mentee, then topics
 * @param problems "member: what went wrong", for the health page
 * @param read     whether any member's community file was read (the hub then has its two pages)
 */
public record HubCommunity(List<TopicGroup> groups, List<Profile> profiles, List<Pair> pairs, List<String> problems,
                           boolean read) {

    public static final HubCommunity NONE = new HubCommunity(List.of(), List.of(), List.of(), List.of(), false);

    /** An offer or a request and the member who made it. */
    public record Listed(Member member, CommunityData.Item item, boolean offer) {
        public Listed {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(item, "item");
        }
    }

    /** A topic's open offers and requests, newest first. */
    public record TopicGroup(String topic, String slug, List<Listed> offers, List<Listed> requests) {
        public TopicGroup {
            offers = List.copyOf(offers);
            requests = List.copyOf(requests);
        }
    }

    /** A member's mentoring profile, with an anchor for pairs to link to. */
    public record Profile(Member member, CommunityData.Profile profile) {
        public String anchor() {
            return "mentor-" + member.id();
        }
    }

    /** A suggested pair: {@code mentor} offers, {@code mentee} seeks, on these topics. */
    public record Pair(Profile mentor, Profile mentee, List<String> topics) {
        public Pair {
            topics = List.copyOf(topics);
        }
    }

    public HubCommunity {
        groups = List.copyOf(groups);
        profiles = List.copyOf(profiles);
        pairs = List.copyOf(pairs);
        problems = List.copyOf(problems);
    }

    public boolean hasSwapShop() {
        return read;
    }

    public boolean hasMentoring() {
        return read;
    }

    /** Every open offer and request once (an item listed under two topics counts once), newest first. */
    public List<Listed> all() {
        Map<String, Listed> seen = new LinkedHashMap<>();
        for (TopicGroup g : groups) {
            g.offers().forEach(l -> seen.putIfAbsent(l.member().id() + " " + l.item().url(), l));
            g.requests().forEach(l -> seen.putIfAbsent(l.member().id() + " " + l.item().url(), l));
        }
        List<Listed> out = new ArrayList<>(seen.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** Offers and requests whose post was published in the digest's week: "new in the swap-shop". */
    public List<Listed> newIn(Digest digest) {
        return all().stream().filter(l -> l.item().published()
                .filter(p -> !p.isBefore(digest.start().toInstant()) && p.isBefore(digest.end().toInstant()))
                .isPresent()).toList();
    }

    private static final Comparator<Listed> NEWEST_FIRST = Comparator.comparing(
            (Listed l) -> l.item().published().orElse(java.time.Instant.EPOCH)).reversed()
            .thenComparing(l -> l.item().title());

    static HubCommunity of(NetworkCommunity.Collected collected, Hub hub, LocalDate today, HubTopics vocabulary) {
        Names names = new Names(vocabulary);
        Map<String, List<Listed>> offers = new LinkedHashMap<>();
        Map<String, List<Listed>> requests = new LinkedHashMap<>();
        List<Profile> profiles = new ArrayList<>();
        for (Member m : hub.members()) {
            CommunityData data = collected.byMember().get(m.id());
            if (data == null) {
                continue;
            }
            for (boolean offer : new boolean[] {true, false}) {
                for (CommunityData.Item item : offer ? data.offers() : data.requests()) {
                    if (!item.openOn(today)) {
                        continue;
                    }
                    for (String key : names.keys(item.topics())) {
                        (offer ? offers : requests).computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new Listed(m, item, offer));
                    }
                }
            }
            data.mentoring().filter(p -> p.openOn(today)).ifPresent(p -> profiles.add(new Profile(m, p)));
        }
        Set<String> topics = new java.util.TreeSet<>(offers.keySet()); // normalised: alphabetical, case ignored
        topics.addAll(requests.keySet());
        List<TopicGroup> groups = new ArrayList<>();
        for (String key : topics) {
            List<Listed> o = new ArrayList<>(offers.getOrDefault(key, List.of()));
            List<Listed> r = new ArrayList<>(requests.getOrDefault(key, List.of()));
            o.sort(NEWEST_FIRST);
            r.sort(NEWEST_FIRST);
            String name = names.name(key);
            groups.add(new TopicGroup(name, org.lateral.internal.Slugs.slugify(name), o, r));
        }
        return new HubCommunity(groups, profiles, pairs(profiles, names), collected.problems(),
                !collected.byMember().isEmpty());
    }

    /** Suggested pairs: a topic one offers and the other seeks, and the same phase when both give one ("all" suits any). */
    static List<Pair> pairs(List<Profile> profiles, Names names) {
        List<Pair> out = new ArrayList<>();
        for (Profile mentor : profiles) {
            Set<String> offered = names.keys(mentor.profile().offers());
            for (Profile mentee : profiles) {
                if (mentor == mentee || !phasesMeet(mentor.profile().phase(), mentee.profile().phase())) {
                    continue;
                }
                List<String> shared = new ArrayList<>();
                for (String key : names.keys(mentee.profile().seeks())) {
                    if (offered.contains(key)) {
                        shared.add(names.name(key));
                    }
                }
                if (!shared.isEmpty()) {
                    out.add(new Pair(mentor, mentee, shared));
                }
            }
        }
        return out;
    }

    static boolean phasesMeet(Optional<String> a, Optional<String> b) {
        return a.isEmpty() || b.isEmpty() || a.get().equals(b.get()) || a.get().equals("all") || b.get().equals("all");
    }

    /**
     * Topics as keys ({@link HubTopics#normalise normalised} names from {@link HubTopics#namesOf}),
     * remembering every spelling of each so that {@link #name} heads it by {@link HubTopics#displayName}.
     */
    static final class Names {
        private final HubTopics vocabulary;
        private final Map<String, Set<String>> spellings = new LinkedHashMap<>();

        Names(HubTopics vocabulary) {
            this.vocabulary = vocabulary;
        }

        Set<String> keys(List<String> topics) {
            Set<String> out = new LinkedHashSet<>();
            for (String t : topics) {
                for (String name : vocabulary.namesOf(t)) {
                    String key = HubTopics.normalise(name);
                    spellings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
                    out.add(key);
                }
            }
            return out;
        }

        String name(String key) {
            return vocabulary.displayName(spellings.get(key));
        }
    }
}
