package org.lateral.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;

/**
 * Applies the organiser's editorial settings to what the feeds gave (and the cache kept), at every
 * run, so a change to the curation file or a cap takes effect on entries already cached:
 *
 * <ol>
 * <li>curation's {@code hide:} removes posts (by link) from every page, feed and digest; hidden
 *     members are left out before their feeds are read ({@link #visibleMembers});</li>
 * <li>the joining guard: when a member joins a hub that has run before, only their newest
 *     {@link Fairness#joinNewest} entries enter the river and digest; the migration guard: more than
 *     {@link Fairness#migrationThreshold} never-seen entries dated before the newest the hub had seen
 *     from that feed are a blog migration, kept to the member's page and named on the health page.
 *     Both are remembered in {@link RiverState} (the cache folder) so they hold across runs;</li>
 * <li>the river's daily cap per member ({@link Fairness#riverPerMemberPerDay});</li>
 * <li>features, conversations, topics' posts and members' topics.</li>
 * </ol>
 *
 * <pre>{@code
 * Curator.Curated c = Curator.apply(config, editorial, allSubscriptions, collected, RiverState.load(cache), now, zone, warnings);
 * c.next().save(cache);   // after the hub was written
 * }</pre>
 */
public final class Curator {

    private Curator() {
    }

    /**
     * @param visible   the members' entries without hidden posts (each member's page shows these)
     * @param eligible  the entries that may enter the river, digest and topics (held ones left out)
     * @param river     {@code eligible} after the daily cap, newest first
     * @param editorial for the templates
     * @param rules     how the digest is cut
     * @param next      the state to save once the hub is written
     */
    public record Curated(Collected visible, List<Entry> eligible, List<Entry> river, Editorial editorial,
                          Digest.Rules rules, RiverState next) {
    }

    /** The members the hub reads: those curation does not hide as a whole. */
    public static List<Subscription> visibleMembers(List<Subscription> all, Curation curation) {
        return all.stream().filter(s -> curation.hidingMember(s.id()).isEmpty()).toList();
    }

    public static Curated apply(HubConfig config, EditorialConfig settings, List<Subscription> all,
                                Collected collected, RiverState state, Instant now, ZoneId zone,
                                List<Problem> warnings) {
        Curation curation = settings.curation();
        Map<String, String> names = new HashMap<>();
        all.forEach(s -> names.put(s.id(), s.name()));

        // 1. hides
        List<Editorial.Hidden> hidden = new ArrayList<>();
        Set<Curation.Hide> used = new HashSet<>();
        for (Curation.Hide h : curation.hides()) {
            h.member().ifPresent(id -> {
                if (names.containsKey(id)) {
                    used.add(h);
                    hidden.add(new Editorial.Hidden(names.get(id), Optional.empty(), Optional.empty(), h.reason()));
                }
            });
        }
        Map<String, List<Entry>> byMember = new LinkedHashMap<>();
        collected.byMember().forEach((id, entries) -> byMember.put(id, entries.stream().filter(e -> {
            Optional<Curation.Hide> h = curation.hiding(e);
            h.ifPresent(hide -> {
                used.add(hide);
                hidden.add(new Editorial.Hidden(names.getOrDefault(id, id), Optional.of(e.title()), e.link(), hide.reason()));
            });
            return h.isEmpty();
        }).toList()));
        List<Entry> merged = collected.entries().stream().filter(e -> curation.hiding(e).isEmpty()).toList();
        Collected visible = new Collected(merged, collected.report(), byMember);
        for (Curation.Hide h : curation.hides()) {
            if (!used.contains(h)) {
                warnings.add(Problem.warning(curation.file().orElseThrow(), h.line(), h.column(),
                        h.member().map(id -> "the hide names the member \"" + id + "\", but the hub has no member with that id")
                                .orElseGet(() -> "the hide's address " + h.target() + " matches no post the hub holds"),
                        h.member().map(id -> "use one of the members' ids: " + String.join(", ", names.keySet().stream().sorted().toList()))
                                .orElse("check the address against the post's own address; once the post has left the member's feed, the line can go")));
            }
        }

        // 2. joining and migration guards
        Map<String, RiverState.MemberState> next = new LinkedHashMap<>(state.members());
        Set<String> heldKeys = new HashSet<>();
        List<Editorial.Held> held = new ArrayList<>();
        Fairness fair = settings.fairness();
        for (Subscription s : config.subscriptions()) {
            List<Entry> entries = collected.byMember().getOrDefault(s.id(), List.of());
            Optional<RiverState.MemberState> before = state.member(s.id());
            if (entries.isEmpty()) {
                continue;
            }
            RiverState.MemberState after = guard(before, entries, state.existed(), fair, now);
            next.put(s.id(), after);
            for (RiverState.Held reason : RiverState.Held.values()) {
                int count = (int) entries.stream().filter(e -> after.held().get(e.id()) == reason).count();
                if (count > 0) {
                    Instant since = reason == RiverState.Held.JOIN ? after.joined()
                            : after.migrations().get(after.migrations().size() - 1).at();
                    held.add(new Editorial.Held(s.id(), s.name(), reason, count, since));
                }
            }
            entries.stream().filter(e -> after.held().containsKey(e.id())).forEach(e -> heldKeys.add(key(e)));
        }
        List<Entry> eligible = merged.stream().filter(e -> !heldKeys.contains(key(e))).toList();

        // 3. the river's daily cap
        List<Entry> river = dailyCap(eligible, fair.riverPerMemberPerDay(), zone);

        // 4. features, conversations, topics
        List<Entry> allVisible = byMember.values().stream().flatMap(List::stream).toList();
        List<Entry> featured = new ArrayList<>();
        for (Curation.Feature f : curation.features()) {
            String link = EntryMerger.canonicalLink(f.link());
            Optional<Entry> match = merged.stream()
                    .filter(e -> e.link().map(EntryMerger::canonicalLink).filter(link::equals).isPresent()).findFirst();
            match.filter(e -> !featured.contains(e)).ifPresent(featured::add);
            if (match.isEmpty()) {
                warnings.add(Problem.warning(curation.file().orElseThrow(), f.line(), f.column(),
                        "the feature " + f.link() + " matches no post the hub holds (or the post is hidden)",
                        "check the address against the post's own address on the member's site"));
            }
        }
        HubTopics topics = settings.topics();
        List<Editorial.TopicPage> topicPages = topics.topics().stream()
                .map(t -> new Editorial.TopicPage(t, topics.entriesOf(t, eligible))).toList();
        Map<String, List<HubTopics.Topic>> memberTopics = new HashMap<>();
        for (Subscription s : config.subscriptions()) {
            Set<String> tags = new LinkedHashSet<>(s.topics());
            byMember.getOrDefault(s.id(), List.of()).forEach(e -> tags.addAll(e.categories()));
            memberTopics.put(s.id(), topics.matching(tags));
        }
        Set<Entry> firstPosts = firstPosts(eligible);
        List<Entry> order = List.copyOf(featured);
        Digest.Rules rules = new Digest.Rules(fair.digestPerMember(), featured::contains, firstPosts,
                Comparator.comparingInt(order::indexOf));
        Editorial editorial = new Editorial(settings, Conversations.of(allVisible), featured, topicPages, hidden, held,
                memberTopics);
        return new Curated(visible, eligible, river, editorial, rules, new RiverState(true, next));
    }

    /**
     * A member's state after this run: a new member's older entries held when the hub has run
     * before, a migration's old entries held, every id remembered.
     */
    static RiverState.MemberState guard(Optional<RiverState.MemberState> before, List<Entry> entries, boolean hubExisted,
                                        Fairness fair, Instant now) {
        List<Entry> newestFirst = entries.stream().sorted(EntryMerger.NEWEST_FIRST).toList();
        Instant newest = newestFirst.get(0).published();
        Map<String, RiverState.Held> held = new LinkedHashMap<>();
        List<RiverState.Migration> migrations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Instant joined = now;
        if (before.isEmpty()) {
            if (hubExisted) {
                newestFirst.stream().skip(fair.joinNewest()).forEach(e -> held.put(e.id(), RiverState.Held.JOIN));
            }
        } else {
            RiverState.MemberState b = before.get();
            joined = b.joined();
            seen.addAll(b.seen());
            held.putAll(b.held());
            migrations.addAll(b.migrations());
            List<Entry> oldNew = newestFirst.stream()
                    .filter(e -> !b.seen().contains(e.id()) && e.published().isBefore(b.newest())).toList();
            if (oldNew.size() > fair.migrationThreshold()) {
                oldNew.forEach(e -> held.put(e.id(), RiverState.Held.MIGRATION));
                migrations.add(new RiverState.Migration(now, oldNew.size()));
            }
            if (b.newest().isAfter(newest)) {
                newest = b.newest();
            }
        }
        entries.forEach(e -> seen.add(e.id()));
        List<String> ids = new ArrayList<>(seen);
        if (ids.size() > RiverState.MAX_SEEN) {
            ids = ids.subList(ids.size() - RiverState.MAX_SEEN, ids.size());
        }
        Set<String> kept = new HashSet<>(ids);
        held.keySet().retainAll(kept);
        return new RiverState.MemberState(joined, newest, new LinkedHashSet<>(ids), held, migrations);
    }

    /** At most {@code perDay} entries of one member per calendar day (in {@code zone}), the newest kept; 0: all. */
    static List<Entry> dailyCap(List<Entry> entries, int perDay, ZoneId zone) {
        if (perDay <= 0) {
            return entries;
        }
        Map<String, List<Entry>> byDay = new HashMap<>();
        for (Entry e : entries) {
            LocalDate day = e.published().atZone(zone).toLocalDate();
            byDay.computeIfAbsent(e.memberId() + "\u0000" + day, k -> new ArrayList<>()).add(e);
        }
        Set<Entry> kept = new HashSet<>();
        byDay.values().forEach(list -> list.stream().sorted(EntryMerger.NEWEST_FIRST).limit(perDay).forEach(kept::add));
        return entries.stream().filter(kept::contains).toList();
    }

    /** Each member's first post on the hub: their oldest entry that may enter the river. */
    static Set<Entry> firstPosts(List<Entry> eligible) {
        Map<String, Entry> first = new HashMap<>();
        for (Entry e : eligible) {
            first.merge(e.memberId(), e, (a, b) -> EntryMerger.NEWEST_FIRST.compare(a, b) > 0 ? a : b);
        }
        return Set.copyOf(first.values());
    }

    private static String key(Entry e) {
        return e.memberId() + "\u0000" + e.id();
    }

}
