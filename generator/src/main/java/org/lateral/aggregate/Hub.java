package org.lateral.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The assembled hub, what the hub's templates receive as {@code hub}: every member with their
 * entries, the river (all members' entries merged, newest first), the feed-health report and the
 * weekly digests. Immutable. Built by {@link #assemble}.
 *
 * <pre>{@code
 * Hub hub = Hub.assemble(config, collected, now, zone);
 * hub.member(hub.river().get(0)).name();
 * }</pre>
 *
 * @param members   in the order the organiser listed them
 * @param river     every entry, newest first, without duplicates
 * @param report    how every feed fared this run
 * @param digests   the most recent weeks that had posts, newest first (at most {@link #DIGEST_WEEKS})
 * @param digest    the latest digest: the most recent complete week that had posts (last week's,
 *                  empty, when no week of the last {@code 4 * DIGEST_WEEKS} had any)
 * @param generated when this run happened
 * @param membersById the same members by id (derived from {@code members}; pass an empty map)
 * @param archive   every complete week that had posts, newest first: the digest archive
 *                  ({@code digest/2025-W11/})
 * @param editorial topics, conversations, features, what curation hid and the guards held
 *                  ({@link Curator})
 */
public record Hub(List<Member> members, List<Entry> river, HealthReport report, List<Digest> digests,
                  Digest digest, Instant generated, Map<String, Member> membersById, List<Digest> archive,
                  Editorial editorial) {

    /** How many weekly digests the digest feed holds. */
    public static final int DIGEST_WEEKS = 4;

    /** Members who share a topic, for the members page. */
    public record Topic(String name, List<Member> members) {
        public Topic {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
        }
    }

    public Hub {
        members = List.copyOf(members);
        river = List.copyOf(river);
        Objects.requireNonNull(report, "report");
        digests = List.copyOf(digests);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(generated, "generated");
        membersById = members.stream().collect(Collectors.toUnmodifiableMap(Member::id, Function.identity()));
        archive = List.copyOf(archive);
        Objects.requireNonNull(editorial, "editorial");
    }

    public Hub(List<Member> members, List<Entry> river, HealthReport report, List<Digest> digests, Digest digest,
               Instant generated, Map<String, Member> membersById) {
        this(members, river, report, digests, digest, generated, membersById, digests, Editorial.NONE);
    }

    public Hub(List<Member> members, List<Entry> river, HealthReport report, List<Digest> digests, Digest digest,
               Instant generated) {
        this(members, river, report, digests, digest, generated, Map.of());
    }

    /** Puts a run's collected entries and report together with the members who wrote them. */
    public static Hub assemble(HubConfig config, Collected collected, Instant now, java.time.ZoneId zone) {
        return assemble(config, collected, collected.entries(), collected.entries(), Editorial.NONE, Digest.Rules.NONE,
                now, zone);
    }

    /** The same, after {@link Curator}: hidden posts gone, held ones on their members' pages only. */
    public static Hub assemble(HubConfig config, Curator.Curated curated, Instant now, java.time.ZoneId zone) {
        return assemble(config, curated.visible(), curated.eligible(), curated.river(), curated.editorial(),
                curated.rules(), now, zone);
    }

    /**
     * @param collected each member's entries (their pages) and the report
     * @param eligible  the entries the digest draws on (the river before its daily cap)
     * @param river     the river, newest first
     */
    private static Hub assemble(HubConfig config, Collected collected, List<Entry> eligible, List<Entry> river,
                                Editorial editorial, Digest.Rules rules, Instant now, java.time.ZoneId zone) {
        Map<String, List<Entry>> byMember = collected.byMember(); // a member's page: only their own feed decides
        Map<String, FeedReport> reports = collected.report().feeds().stream()
                .collect(Collectors.toMap(FeedReport::memberId, Function.identity(), (a, b) -> a));
        List<Member> members = new ArrayList<>();
        for (Subscription s : config.subscriptions()) {
            FeedReport report = reports.get(s.id());
            if (report == null) {
                throw new IllegalArgumentException("no report for member " + s.id());
            }
            members.add(new Member(s, byMember.getOrDefault(s.id(), List.of()), report, config.publicFeed(s)));
        }
        // The digest is a digest of the river: a post reposted by another member appears once.
        java.util.Set<Entry> inRiver = new java.util.HashSet<>(eligible);
        List<Member> riverMembers = members.stream().map(m -> new Member(m.subscription(),
                m.entries().stream().filter(inRiver::contains).toList(), m.report(), m.publicFeed())).toList();
        List<Digest> digests = Digest.weeks(riverMembers, now, zone, DIGEST_WEEKS, rules);
        List<Digest> archive = Digest.archive(riverMembers, now, zone, rules);
        List<Entry> shown = new ArrayList<>(editorial.featured());
        river.stream().filter(e -> !editorial.featured().contains(e)).forEach(shown::add);
        return new Hub(members, shown, collected.report(), digests,
                digests.isEmpty() ? Digest.lastWeek(riverMembers, now, zone, rules) : digests.get(0), now, Map.of(),
                archive, editorial);
    }

    /** The member who wrote an entry. */
    public Member member(Entry entry) {
        return member(entry.memberId()).orElseThrow(() ->
                new IllegalArgumentException("entry " + entry.id() + " belongs to no member"));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(membersById.get(id));
    }

    /**
     * Topics and the members who write about them, alphabetically (case ignored), named as the
     * swap-shop names its groups: a member's word that means a hub topic is that topic, the others
     * are grouped however they are spelt and headed by {@link HubTopics#displayName}.
     */
    public List<Topic> topics() {
        HubCommunity.Names names = new HubCommunity.Names(editorial.topics());
        Map<String, List<Member>> grouped = new java.util.TreeMap<>(); // normalised: alphabetical, case ignored
        for (Member m : members) {
            for (String key : names.keys(m.topics())) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        return grouped.entrySet().stream().map(e -> new Topic(names.name(e.getKey()), e.getValue())).toList();
    }

    /** Members whose feed failed this run. */
    public List<Member> failing() {
        return members.stream().filter(m -> !m.report().isSuccess()).toList();
    }
}
