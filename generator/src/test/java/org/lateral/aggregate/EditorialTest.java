package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.testing.TestSites;

/** The hub's topic matching, fairness rules, conversations and editorial settings, one rule at a time. */
class EditorialTest {

    @TempDir
    Path tmp;

    static Entry tagged(String memberId, String slug, String published, String... tags) {
        Entry e = HubTest.entry(memberId, slug, published);
        return new Entry(e.id(), memberId, e.title(), e.link(), List.of(), List.of(tags), e.published(), e.updated(),
                e.firstSeen(), false, e.contentHtml(), e.summary(), List.of(), Optional.empty());
    }

    static Entry linking(String memberId, String slug, String published, String href) {
        Entry e = HubTest.entry(memberId, slug, published);
        return new Entry(e.id(), memberId, e.title(), e.link(), List.of(), List.of(), e.published(), e.updated(),
                e.firstSeen(), false, "<p>See <a href=\"" + href + "\">this</a>.</p>", e.summary(), List.of(), Optional.empty());
    }

    @Test
    void aTagMeansATopicWhateverItsCaseSpacesHyphensOrUnderscores() {
        Map<String, List<String>> vocabulary = new LinkedHashMap<>();
        vocabulary.put("Retrieval practice", List.of("retrieval", "adalw"));
        vocabulary.put("Behaviour", List.of("behavior", "ymddygiad"));
        HubTopics topics = HubTopics.of(vocabulary);
        assertThat(topics.topicsOf(List.of("Retrieval-Practice"))).containsExactly("Retrieval practice");
        assertThat(topics.topicsOf(List.of("retrieval_practice", "ADALW"))).containsExactly("Retrieval practice");
        assertThat(topics.topicsOf(List.of("  retrieval   practice "))).containsExactly("Retrieval practice");
        assertThat(topics.topicsOf(List.of("behavior", "retrieval"))).containsExactly("Retrieval practice", "Behaviour");
        assertThat(topics.topicsOf(List.of("Ymddygiad"))).containsExactly("Behaviour");
        assertThat(topics.topicsOf(List.of("retrievals", "maths"))).isEmpty();
        assertThat(topics.topicOf("adalw")).map(HubTopics.Topic::path).contains("topics/retrieval-practice/");
        assertThat(HubTopics.normalise("Retrieval--Practice_")).isEqualTo("retrieval practice");
    }

    @Test
    void aMemberJoiningAHubThatHasRunBringsOnlyTheirNewestEntries() {
        List<Entry> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(HubTest.entry("cat", "p" + i, "2030-03-0" + i + "T09:00:00Z"));
        }
        Instant now = Instant.parse("2030-03-10T00:00:00Z");
        RiverState.MemberState joined = Curator.guard(Optional.empty(), six, true, Fairness.DEFAULT, now);
        assertThat(joined.held()).hasSize(3).containsOnlyKeys(six.get(0).id(), six.get(1).id(), six.get(2).id())
                .containsValue(RiverState.Held.JOIN);
        assertThat(joined.newest()).isEqualTo(six.get(5).published());
        // a hub's first run (cold cache): founders bring everything
        assertThat(Curator.guard(Optional.empty(), six, false, Fairness.DEFAULT, now).held()).isEmpty();
    }

    @Test
    void moreThanTheThresholdOfNeverSeenOldEntriesIsAMigrationAndFewerAreNot() {
        Instant now = Instant.parse("2030-03-20T00:00:00Z");
        Entry newest = HubTest.entry("bob", "newest", "2030-03-15T09:00:00Z");
        RiverState.MemberState before = Curator.guard(Optional.empty(), List.of(newest), true, Fairness.DEFAULT, now);
        List<Entry> moved = new ArrayList<>(List.of(newest));
        for (int i = 1; i <= 6; i++) {
            moved.add(HubTest.entry("bob", "old" + i, "2029-0" + i + "-01T09:00:00Z"));
        }
        RiverState.MemberState after = Curator.guard(Optional.of(before), moved, true, Fairness.DEFAULT, now);
        assertThat(after.held()).hasSize(6).containsValue(RiverState.Held.MIGRATION).doesNotContainKey(newest.id());
        assertThat(after.migrations()).containsExactly(new RiverState.Migration(now, 6));
        // five (the default threshold) is not more than five: they enter the river as late posts
        RiverState.MemberState five = Curator.guard(Optional.of(before), moved.subList(0, 6), true, Fairness.DEFAULT, now);
        assertThat(five.held()).isEmpty();
        // a new post dated after the newest seen is never a migration
        Entry fresh = HubTest.entry("bob", "fresh", "2030-03-19T09:00:00Z");
        assertThat(Curator.guard(Optional.of(after), List.of(fresh, newest), true, Fairness.DEFAULT, now).held())
                .doesNotContainKey(fresh.id()).hasSize(6);
    }

    @Test
    void theRiverKeepsAtMostNOfAMembersPostsADayInTheHubsTimeZone() {
        Entry late = HubTest.entry("ann", "late", "2030-07-01T22:30:00Z");      // 23:30 in London: 1 July
        Entry evening = HubTest.entry("ann", "evening", "2030-07-01T18:00:00Z");
        Entry morning = HubTest.entry("ann", "morning", "2030-07-01T07:00:00Z");
        Entry next = HubTest.entry("ann", "next", "2030-07-01T23:30:00Z");      // 00:30 on 2 July in London
        Entry bob = HubTest.entry("bob", "bob", "2030-07-01T12:00:00Z");
        List<Entry> river = List.of(next, late, evening, bob, morning);
        assertThat(Curator.dailyCap(river, 1, HubTest.LONDON)).containsExactly(next, late, bob);
        assertThat(Curator.dailyCap(river, 2, HubTest.LONDON)).containsExactly(next, late, evening, bob);
        assertThat(Curator.dailyCap(river, 0, HubTest.LONDON)).isEqualTo(river);
    }

    @Test
    void theDigestShowsAtMostNOfAMemberWithHowManyMoreAndFirstPostsAsNewVoices() {
        Subscription ann = HubTest.member("Ann");
        Subscription bob = HubTest.member("Bob");
        List<Entry> annEntries = List.of(HubTest.entry("ann", "a3", "2025-03-07T10:00:00Z"),
                HubTest.entry("ann", "a2", "2025-03-05T10:00:00Z"), HubTest.entry("ann", "a1", "2025-03-04T10:00:00Z"),
                HubTest.entry("ann", "a0", "2025-02-04T10:00:00Z"));
        Entry bobFirst = HubTest.entry("bob", "b1", "2025-03-06T10:00:00Z");
        FeedReport ok = new FeedReport("x", "x", "x", FeedStatus.ok(), 1, false, Optional.empty(), HubTest.NOW,
                java.time.Duration.ZERO, Optional.empty());
        List<Member> members = List.of(new Member(ann, annEntries, ok, Optional.empty()),
                new Member(bob, List.of(bobFirst), ok, Optional.empty()));
        List<Entry> all = new ArrayList<>(annEntries);
        all.add(bobFirst);
        Digest.Rules rules = new Digest.Rules(2, e -> e.equals(annEntries.get(2)), Curator.firstPosts(all),
                EntryMerger.NEWEST_FIRST);
        List<Digest> archive = Digest.archive(members, HubTest.NOW, HubTest.LONDON, rules);
        assertThat(archive).extracting(Digest::isoWeek).containsExactly("2025-W10", "2025-W06");
        Digest w10 = archive.get(0);
        assertThat(w10.featured()).extracting(Entry::title).containsExactly("Post a1");
        assertThat(w10.sections().get(0).entries()).extracting(Entry::title).containsExactly("Post a3", "Post a2");
        assertThat(w10.sections().get(0).more()).isZero();
        assertThat(w10.newVoices()).extracting(Entry::title).containsExactly("Post b1");
        assertThat(w10.count()).isEqualTo(4);
        assertThat(archive.get(1).newVoices()).extracting(Entry::title).containsExactly("Post a0");
        Digest capped = Digest.archive(members, HubTest.NOW, HubTest.LONDON,
                new Digest.Rules(1, e -> false, java.util.Set.of(), EntryMerger.NEWEST_FIRST)).get(0);
        assertThat(capped.sections().get(0).entries()).extracting(Entry::title).containsExactly("Post a3");
        assertThat(capped.sections().get(0).more()).isEqualTo(2);
        assertThat(capped.path()).isEqualTo("digest/2025-W10/");
    }

    @Test
    void aLinkToAnotherMembersEntryIsAResponseWhateverTheLinksSchemeOrTrailingSlash() {
        Entry ann = HubTest.entry("ann", "post", "2030-03-01T09:00:00Z");
        Entry bob = linking("bob", "reply", "2030-03-02T09:00:00Z", "http://www.ann.example/post/#comments");
        Entry self = linking("ann", "again", "2030-03-03T09:00:00Z", "https://ann.example/post");
        Conversations c = Conversations.of(List.of(ann, bob, self));
        assertThat(c.responsesTo(ann)).containsExactly(bob);
        assertThat(c.inReplyTo(bob)).containsExactly(ann);
        assertThat(c.inReplyTo(self)).isEmpty(); // linking one's own post is not a conversation
    }

    @Test
    void editorialSettingsAreReadWithPositionedErrorsAndWarnings() {
        TestSites.write(tmp.resolve("curation.yaml"), """
                hide:
                  - { link: https://bob.example/old/, reason: "asked to be removed" }
                  - { member: dan }
                feature:
                  - https://ann.example/pick/
                """);
        List<Problem> warnings = new ArrayList<>();
        assertThatThrownBy(() -> EditorialReader.read(Optional.of(Yaml.parse("""
                members: []
                curation: curation.yaml
                digest: { perMember: -1 }
                """, Path.of("site.yaml"), 1)), tmp, Path.of("site.yaml"), warnings))
                .isInstanceOf(LateralException.class)
                .hasMessageContaining("curation.yaml:3:5: error: this hide has no reason")
                .hasMessageContaining("site.yaml:3:22: error: perMember must be a whole number from 0 to 1000");

        TestSites.write(tmp.resolve("curation.yaml"), "hide:\n  - { member: dan, reason: left }\n");
        EditorialConfig config = EditorialReader.read(Optional.of(Yaml.parse("""
                members:
                  - { name: Ann, feed: a.xml, topics: [Oracy, retreival] }
                topics:
                  "Retrieval practice": [retrieval]
                  Oracy: [oracy, llafaredd]
                curation: curation.yaml
                river: { perMemberPerdai: 2 }
                contact: organiser@valley.example
                noindex: false
                """, Path.of("site.yaml"), 1)), tmp, Path.of("site.yaml"), warnings);
        assertThat(config.curation().hidingMember("dan")).map(Curation.Hide::reason).contains("left");
        assertThat(config.contact()).contains(URI.create("mailto:organiser@valley.example"));
        assertThat(config.noindex()).isFalse();
        assertThat(config.topics().topicsOf(List.of("Llafaredd"))).containsExactly("Oracy");
        assertThat(warnings).extracting(Problem::format).containsExactly(
                "site.yaml:7:10: warning: unknown setting \"perMemberPerdai\" in hub.river; did you mean `perMemberPerDay`?; it is ignored — fix: rename it to perMemberPerDay",
                "site.yaml:2:47: warning: the topic \"retreival\" is not one of the hub's topics; did you mean `Retrieval practice`? — fix: write Retrieval practice, or add \"retreival\" to its tags under hub.topics");
    }
}
