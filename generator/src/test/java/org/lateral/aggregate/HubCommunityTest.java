package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
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
        List<HubCommunity.Pair> pairs = HubCommunity.pairs(List.of(ann, bob, cy), new HubCommunity.Names(HubTopics.NONE));
        assertThat(pairs).extracting(p -> p.mentor().member().id() + ">" + p.mentee().member().id() + ":" + p.topics())
                .containsExactly("ann>bob:[Behaviour]", "bob>ann:[Leadership]");
    }

    @Test
    void phasesMustAgreeWhenBothAreGivenAndAllAgreesWithAny() {
        assertThat(HubCommunity.phasesMeet(Optional.of("primary"), Optional.of("secondary"))).isFalse();
        assertThat(HubCommunity.phasesMeet(Optional.of("primary"), Optional.of("primary"))).isTrue();
        assertThat(HubCommunity.phasesMeet(Optional.of("all"), Optional.of("fe"))).isTrue();
        assertThat(HubCommunity.phasesMeet(Optional.empty(), Optional.of("fe"))).isTrue();
        var ann = profile("ann", List.of("behaviour"), List.of(), "primary");
        var bob = profile("bob", List.of(), List.of("behaviour"), "secondary");
        assertThat(HubCommunity.pairs(List.of(ann, bob), new HubCommunity.Names(HubTopics.NONE))).isEmpty();
    }

    @Test
    void aMemberIsNeverPairedWithThemself() {
        var ann = profile("ann", List.of("behaviour"), List.of("behaviour"), null);
        assertThat(HubCommunity.pairs(List.of(ann), new HubCommunity.Names(HubTopics.NONE))).isEmpty();
    }

    @Test
    void theHubsTopicsNameWhatMembersWriteAndOtherWordsStayTheirOwn() {
        HubTopics topics = HubTopics.of(java.util.Map.of("Retrieval practice", List.of("retrieval", "retrieval-practice")));
        assertThat(topics.namesOf("Retrieval Practice")).containsExactly("Retrieval practice");
        assertThat(topics.namesOf("retrieval")).containsExactly("Retrieval practice");
        assertThat(topics.namesOf("oracy")).containsExactly("oracy");
        var ann = profile("ann", List.of("retrieval"), List.of(), null);
        var bob = profile("bob", List.of(), List.of("retrieval-practice"), null);
        assertThat(HubCommunity.pairs(List.of(ann, bob), new HubCommunity.Names(HubTopics.NONE))).isEmpty();
        assertThat(HubCommunity.pairs(List.of(ann, bob), new HubCommunity.Names(topics)))
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

    @Test
    void aWordThatIsNoHubTopicIsOneTopicWhateverItsCaseOrSpacingNamedAsHubTopicsAre() {
        HubTopics topics = HubTopics.of(java.util.Map.of("Retrieval practice", List.of("retrieval"), "oracy", List.of()));
        HubCommunity.Names names = new HubCommunity.Names(topics);
        assertThat(names.keys(List.of("early-career", "Early  Career", "early_career"))).containsExactly("early career");
        assertThat(names.name("early career")).isEqualTo("Early career");
        names.keys(List.of("knitting", "knitting"));
        assertThat(names.name("knitting")).isEqualTo("Knitting");
        names.keys(List.of("STEM", " STEM "));
        assertThat(names.name("stem")).isEqualTo("STEM"); // the members' own capitals, when they agree
        names.keys(List.of("EAL", "eal"));
        assertThat(names.name("eal")).isEqualTo("Eal");
        names.keys(List.of("Retrieval-Practice", "RETRIEVAL", "Oracy"));
        assertThat(names.name("retrieval practice")).isEqualTo("Retrieval practice");
        assertThat(names.name("oracy")).isEqualTo("oracy"); // the organiser's name is as they wrote it
        assertThat(HubTopics.NONE.displayName(List.of("ŵyl"))).isEqualTo("Ŵyl");
    }
}
