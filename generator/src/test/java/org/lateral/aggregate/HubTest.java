package org.lateral.aggregate;

import org.lateral.address.Address;
import org.lateral.site.Pager;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The assembled hub: members with their entries, topics, the weekly digests and the river's pages. */
class HubTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z"); // Wednesday

    static Subscription member(String name, String... topics) {
        return Subscription.of(name, new FeedLocation.Remote(URI.create("https://" + Subscription.slug(name) + ".example/feed")))
                .withTopics(List.of(topics));
    }

    static Entry entry(String memberId, String slug, String published) {
        Instant t = Instant.parse(published);
        return new Entry("https://" + memberId + ".example/" + slug, memberId, "Post " + slug,
                Optional.of(URI.create("https://" + memberId + ".example/" + slug)), List.of(), List.of(), t, t, t, false,
                "<p>" + slug + "</p>", slug, List.of(), Optional.empty());
    }

    static Hub hub(List<Subscription> members, List<Entry> entries) {
        List<FeedReport> reports = new ArrayList<>();
        for (Subscription s : members) {
            reports.add(new FeedReport(s.id(), s.name(), s.feed().display(), FeedStatus.ok(), 0, false, Optional.of(NOW), NOW,
                    Duration.ZERO, Optional.empty()));
        }
        HubConfig config = new HubConfig(members, Map.of(), HubSettings.defaults(Path.of("cache")), 3, 0, "");
        return Hub.assemble(config, new Collected(EntryMerger.merge(entries), new HealthReport(NOW, reports)), NOW, LONDON);
    }

    @Test
    void membersGetTheirOwnEntriesNewestFirstInTheOrderListed() {
        Hub hub = hub(List.of(member("Bob"), member("Ann")), List.of(entry("ann", "a1", "2025-03-01T10:00:00Z"),
                entry("bob", "b1", "2025-03-02T10:00:00Z"), entry("ann", "a2", "2025-03-03T10:00:00Z")));
        assertThat(hub.members()).extracting(Member::id).containsExactly("bob", "ann");
        assertThat(hub.member("ann").orElseThrow().entries()).extracting(Entry::title).containsExactly("Post a2", "Post a1");
        assertThat(hub.member("ann").orElseThrow().latest()).map(Entry::title).contains("Post a2");
        assertThat(hub.river()).extracting(Entry::title).containsExactly("Post a2", "Post b1", "Post a1");
        assertThat(hub.member(hub.river().get(1)).name()).isEqualTo("Bob");
        assertThat(hub.member("nobody")).isEmpty();
    }

    @Test
    void topicsGroupMembersIgnoringCaseAlphabetically() {
        Hub hub = hub(List.of(member("Ann", "Oracy", "maths"), member("Bob", "oracy", "Science")), List.of());
        assertThat(hub.topics()).extracting(Hub.Topic::name).containsExactly("Maths", "Oracy", "Science");
        assertThat(hub.topics().get(1).members()).extracting(Member::name).containsExactly("Ann", "Bob");
    }

    @Test
    void topicsAreNamedAsTheSwapShopNamesThemHubTopicsFirst() {
        Hub plain = hub(List.of(member("Ann", "adalw", "STEM", "early-career"), member("Bob", "Retrieval-Practice",
                "early career"), member("Cy", "STEM")), List.of());
        HubTopics vocabulary = HubTopics.of(Map.of("Retrieval practice", List.of("adalw")));
        Editorial editorial = new Editorial(new EditorialConfig(vocabulary, EditorialConfig.DEFAULT.fairness(),
                EditorialConfig.DEFAULT.curation(), true, Optional.empty(), List.of()), Conversations.NONE, List.of(),
                List.of(), List.of(), List.of(), Map.of());
        Hub hub = new Hub(plain.members(), plain.river(), plain.report(), plain.digests(), plain.digest(),
                plain.generated(), Map.of(), plain.archive(), editorial);

        assertThat(hub.topics()).extracting(Hub.Topic::name).containsExactly("Early career", "Retrieval practice", "STEM");
        assertThat(hub.topics().get(0).members()).extracting(Member::name).containsExactly("Ann", "Bob");
        assertThat(hub.topics().get(1).members()).extracting(Member::name).containsExactly("Ann", "Bob");
        assertThat(hub.topics().get(2).members()).extracting(Member::name).containsExactly("Ann", "Cy");
    }

    @Test
    void theDigestIsTheLatestCompleteWeekWithPostsMondayToSundayInTheHubsTimeZone() {
        Hub hub = hub(List.of(member("Ann"), member("Bob")), List.of(
                entry("ann", "this-week", "2025-03-10T09:00:00Z"),        // Monday of this week: not digested yet
                entry("bob", "sunday-night", "2025-03-09T23:30:00Z"),     // Sunday 23:30 in London (GMT): last week
                entry("ann", "monday-morning", "2025-03-03T00:10:00Z"),   // Monday 00:10: last week
                entry("ann", "before", "2025-03-02T23:59:00Z"),           // Sunday before: the week before
                entry("bob", "february", "2025-02-12T12:00:00Z")));
        Digest d = hub.digest();
        assertThat(d.key()).isEqualTo("2025-03-03");
        assertThat(d.lastDay().toLocalDate()).hasToString("2025-03-09");
        assertThat(d.sections()).extracting(s -> s.member().id()).containsExactly("ann", "bob");
        assertThat(d.entries()).extracting(Entry::title).containsExactly("Post sunday-night", "Post monday-morning");
        assertThat(d.count()).isEqualTo(2);
        assertThat(hub.digests()).extracting(Digest::key).containsExactly("2025-03-03", "2025-02-24", "2025-02-10");
    }

    @Test
    void aQuietFortnightShowsTheLastWeekThatHadPostsAndNoPostsAtAllAnEmptyLastWeek() {
        Hub quiet = hub(List.of(member("Ann")), List.of(entry("ann", "old", "2025-02-19T12:00:00Z")));
        assertThat(quiet.digest().key()).isEqualTo("2025-02-17");
        Hub empty = hub(List.of(member("Ann")), List.of());
        assertThat(empty.digest().isEmpty()).isTrue();
        assertThat(empty.digest().key()).isEqualTo("2025-03-03");
        assertThat(empty.digests()).isEmpty();
    }

    @Test
    void summerTimeMovesTheWeekBoundaryWithTheClock() {
        Instant now = Instant.parse("2025-04-02T09:00:00Z");
        Entry lateSunday = entry("ann", "late", "2025-03-30T23:30:00Z"); // Monday 00:30 BST: the new week
        List<Member> members = List.of(new Member(member("Ann"), List.of(lateSunday), new FeedReport("ann", "Ann", "x",
                FeedStatus.ok(), 1, false, Optional.empty(), now, Duration.ZERO, Optional.empty()), Optional.empty()));
        assertThat(Digest.lastWeek(members, now, LONDON).isEmpty()).isTrue();
        assertThat(Digest.lastWeek(members, Instant.parse("2025-04-08T09:00:00Z"), LONDON).count()).isEqualTo(1);
    }

    private static final Address HUB = Address.ofPath("https://example.org", "/hub/", "");

    @Test
    void theRiverIsCutIntoPagesWithAPerMemberCap() {
        List<Entry> river = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            river.add(entry("prolific", "p" + i, "2025-03-1" + (i % 10) + "T0" + i + ":00:00Z"));
        }
        river.add(entry("quiet", "q1", "2025-03-01T10:00:00Z"));
        river.add(entry("quiet", "q2", "2025-02-01T10:00:00Z"));
        List<Pager<Entry>> pages = HubListings.riverPages(EntryMerger.merge(river), 4, 2, 0, HUB);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).items()).extracting(Entry::memberId).containsExactly("prolific", "prolific", "quiet", "quiet");
        assertThat(pages.get(0).url()).isEqualTo("/hub/");
        assertThat(pages.get(0).outputPath()).isEqualTo("index.html");
        assertThat(pages.get(0).nextUrl()).isEqualTo("/hub/page/2/");
        assertThat(pages.get(0).hasPrev()).isFalse();
        assertThat(pages.get(1).outputPath()).isEqualTo("page/2/index.html");
        assertThat(pages.get(1).prevUrl()).isEqualTo("/hub/");
        assertThat(pages.get(1).items()).hasSize(4);
        List<Pager<Entry>> first = HubListings.riverPages(EntryMerger.merge(river), 4, 2, 1, HUB);
        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.items()).isEqualTo(pages.get(0).items());
            assertThat(p.totalPages()).isEqualTo(1);
            assertThat(p.totalItems()).isEqualTo(4);
            assertThat(p.hasNext()).isFalse();
        });
        assertThat(HubListings.riverPages(List.of(), 10, 3, 0, Address.ofPath("https://example.org", "/", ""))).singleElement()
                .satisfies(p -> assertThat(p.items()).isEmpty());
    }
}
