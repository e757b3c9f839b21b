package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EntryMergerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    static Entry entry(String member, String id, String link, int hoursAfterT0) {
        Instant when = T0.plusSeconds(3600L * hoursAfterT0);
        return new Entry(id, member, "Title " + id, Optional.ofNullable(link).map(URI::create), List.of(member),
                List.of(), when, when, when, false, "<p>x</p>", "x", List.of(), Optional.empty());
    }

    @Test
    void sortsNewestFirst() {
        List<Entry> merged = EntryMerger.merge(List.of(entry("ann", "a1", null, 1), entry("bob", "b1", null, 3),
                entry("ann", "a2", null, 2)));

        assertThat(merged).extracting(Entry::id).containsExactly("b1", "a2", "a1");
    }

    private static final List<Subscription> MEMBERS = List.of(
            member("ann", "https://ann.example/"), member("network", "https://network.example/"),
            member("digest", "https://digest.example/"), member("mallory", "https://mallory.example/"));

    static Subscription member(String id, String site) {
        return Subscription.of(id, new FeedLocation.Remote(URI.create(site + "feed.xml"))).withSite(URI.create(site));
    }

    @Test
    void removesARepostOfAMembersPostByTheSameGuidInFavourOfTheOwner() {
        List<Entry> merged = EntryMerger.merge(List.of(entry("ann", "tag:ann.example,2025:1",
                        "https://ann.example/posts/1/", 2),
                entry("network", "tag:ann.example,2025:1", "https://ann.example/posts/1/", 5)), MEMBERS);

        assertThat(merged).singleElement().satisfies(e -> assertThat(e.memberId()).isEqualTo("ann"));
    }

    @Test
    void removesAPostThatArrivesThroughTwoFeedsBySameCanonicalLink() {
        List<Entry> merged = EntryMerger.merge(List.of(
                entry("ann", "ann-1", "https://ann.example/posts/x/", 2),
                entry("digest", "digest-77", "http://www.ANN.example:80/posts/x?utm_source=rss#comments", 4)), MEMBERS);

        assertThat(merged).extracting(Entry::memberId).containsExactly("ann");
    }

    @Test
    void aHostileFeedReusingAVictimsIdAndLinkWithAnOlderDateRemovesNothing() {
        Entry victim = entry("ann", "tag:ann.example,2025:1", "https://ann.example/posts/1/", 10);
        Entry forged = entry("mallory", "tag:ann.example,2025:1", "https://ann.example/posts/1/", 1);
        List<Entry> all = List.of(victim, forged);

        List<Entry> river = EntryMerger.merge(all, MEMBERS);
        java.util.Map<String, List<Entry>> pages = EntryMerger.byMember(all);

        assertThat(river).extracting(Entry::memberId).containsExactly("ann");
        assertThat(pages.get("ann")).containsExactly(victim);
    }

    @Test
    void withoutAnOwnerBothCopiesStayAndNeitherDisplacesTheOther() {
        Entry a = entry("network", "tag:x.example,2025:1", "https://elsewhere.example/p/", 3);
        Entry b = entry("mallory", "tag:x.example,2025:1", "https://elsewhere.example/p/", 1);

        assertThat(EntryMerger.merge(List.of(a, b), MEMBERS)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void withinOneMemberDuplicatesGoFreelyTheEarliestKept() {
        Entry first = entry("mallory", "m-1", "https://ann.example/posts/1/", 1);
        Entry again = entry("mallory", "m-2", "https://ann.example/posts/1/", 4);

        assertThat(EntryMerger.byMember(List.of(first, again)).get("mallory")).containsExactly(first);
        assertThat(EntryMerger.merge(List.of(first, again), MEMBERS)).containsExactly(first);
    }

    @Test
    void shortIdsOnlyCountWithinOneMember() {
        List<Entry> merged = EntryMerger.merge(List.of(entry("ann", "42", null, 1), entry("bob", "42", null, 2)));

        assertThat(merged).hasSize(2);
    }

    @Test
    void canonicalLinkIgnoresSchemeWwwPortFragmentTrackingAndTrailingSlash() {
        assertThat(EntryMerger.canonicalLink(URI.create("https://www.Blog.example:443/a/b/?utm_medium=feed&p=2#x")))
                .isEqualTo(EntryMerger.canonicalLink(URI.create("http://blog.example/a/b?p=2")))
                .isEqualTo("//blog.example/a/b?p=2");
    }

    @Test
    void paginationCapsEachMemberPerPageWhileOthersHaveEntries() {
        List<Entry> river = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            river.add(entry("prolific", "p" + i, null, 100 - i));
        }
        river.add(entry("ann", "a0", null, 50));
        river.add(entry("bob", "b0", null, 40));
        river.add(entry("cat", "c0", null, 30));

        List<List<Entry>> pages = EntryMerger.paginate(EntryMerger.merge(river), 5, 2);

        assertThat(pages.get(0)).extracting(Entry::id).containsExactly("p0", "p1", "a0", "b0", "c0");
        assertThat(pages.get(1)).extracting(Entry::id).containsExactly("p2", "p3", "p4", "p5", "p6");
        assertThat(pages.get(2)).extracting(Entry::id).containsExactly("p7", "p8", "p9");
        assertThat(pages.stream().mapToInt(List::size).sum()).isEqualTo(13);
    }

    @Test
    void paginationOfNothingIsNoPages() {
        assertThat(EntryMerger.paginate(List.of(), 10, 3)).isEmpty();
    }
}
