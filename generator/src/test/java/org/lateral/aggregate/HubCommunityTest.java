package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.community.CommunityData;

/** Matching mentoring profiles: a topic one offers and another seeks, and phases that agree. */
class HubCommunityTest {

    static HubCommunity.Profile profile(String id, List<String> offers, List<String> seeks, String phase) {
        Subscription s = Subscription.of(id, new FeedLocation.Remote(URI.create("https://" + id + ".example/feed.xml")));
        Member m = new Member(s, List.of(), new FeedReport(s.id(), s.name(), "x", FeedStatus.ok(), 0, false,
                Optional.empty(), java.time.Instant.EPOCH, java.time.Duration.ZERO, Optional.empty()), Optional.empty());
        return new HubCommunity.Profile(m, new CommunityData.Profile(URI.create("https://" + id + ".example/"), offers,
                seeks, Optional.ofNullable(phase), Optional.empty()));
    }

    @Test
    void aPairIsATopicOneOffersAndTheOtherSeeksCaseIgnored() {
        var ann = profile("ann", List.of("Behaviour", "oracy"), List.of("leadership"), null);
        var bob = profile("bob", List.of("leadership"), List.of("behaviour"), null);
        var cy = profile("cy", List.of(), List.of("science"), null);
        List<HubCommunity.Pair> pairs = HubCommunity.pairs(List.of(ann, bob, cy), HubCommunity.OWN_TOPICS, new HashMap<>());
        assertThat(pairs).extracting(p -> p.mentor().member().id() + ">" + p.mentee().member().id() + ":" + p.topics())
                .containsExactly("ann>bob:[Behaviour]", "bob>ann:[leadership]");
    }

    @Test
    void phasesMustAgreeWhenBothAreGivenAndAllAgreesWithAny() {
        assertThat(HubCommunity.phasesMeet(Optional.of("primary"), Optional.of("secondary"))).isFalse();
        assertThat(HubCommunity.phasesMeet(Optional.of("primary"), Optional.of("primary"))).isTrue();
        assertThat(HubCommunity.phasesMeet(Optional.of("all"), Optional.of("fe"))).isTrue();
        assertThat(HubCommunity.phasesMeet(Optional.empty(), Optional.of("fe"))).isTrue();
        var ann = profile("ann", List.of("behaviour"), List.of(), "primary");
        var bob = profile("bob", List.of(), List.of("behaviour"), "secondary");
        assertThat(HubCommunity.pairs(List.of(ann, bob), HubCommunity.OWN_TOPICS, new HashMap<>())).isEmpty();
    }

    @Test
    void aMemberIsNeverPairedWithThemself() {
        var ann = profile("ann", List.of("behaviour"), List.of("behaviour"), null);
        assertThat(HubCommunity.pairs(List.of(ann), HubCommunity.OWN_TOPICS, new HashMap<>())).isEmpty();
    }

    @Test
    void theHubsTopicsNameWhatMembersWriteAndOtherWordsStayTheirOwn() {
        HubTopics topics = HubTopics.of(java.util.Map.of("Retrieval practice", List.of("retrieval", "retrieval-practice")));
        var named = HubCommunity.hubTopics(topics);
        assertThat(named.apply("Retrieval Practice")).containsExactly("Retrieval practice");
        assertThat(named.apply("retrieval")).containsExactly("Retrieval practice");
        assertThat(named.apply("oracy")).containsExactly("oracy");
        var ann = profile("ann", List.of("retrieval"), List.of(), null);
        var bob = profile("bob", List.of(), List.of("retrieval-practice"), null);
        assertThat(HubCommunity.pairs(List.of(ann, bob), HubCommunity.OWN_TOPICS, new HashMap<>())).isEmpty();
        assertThat(HubCommunity.pairs(List.of(ann, bob), named, new HashMap<>()))
                .extracting(p -> p.mentor().member().id() + ">" + p.mentee().member().id() + ":" + p.topics())
                .containsExactly("ann>bob:[Retrieval practice]");
    }

    @Test
    void expiredItemsAndProfilesAreLeftOutOnTheHubsDay() {
        CommunityData.Item open = new CommunityData.Item("Open", URI.create("https://ann.example/a/"), List.of("oracy"),
                Optional.of(LocalDate.of(2030, 3, 10)), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(open.openOn(LocalDate.of(2030, 3, 10))).isTrue(); // its until day included
        assertThat(open.openOn(LocalDate.of(2030, 3, 11))).isFalse();
    }
}
