package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.config.Yaml;
import org.lateral.plan.Kind;
import org.lateral.site.Listing;
import org.lateral.site.Pager;
import org.lateral.site.Site;
import org.lateral.site.SiteAssembler;

class HubListingsTest {

    static Site site() {
        SiteConfig config = SiteConfigLoader.fromNode(Yaml.parse("""
                title: Valley hub
                baseUrl: https://hub.example/net/
                paginate: 2
                """, Path.of("site.yaml"), 1), Path.of("site.yaml"), new ArrayList<>());
        return new SiteAssembler(config, new SiteAssembler.Options(false, false, HubTest.NOW))
                .assemble(List.of(), (s, toc) -> { throw new AssertionError(); }, Map.of()).site();
    }

    static Hub hub(List<Subscription> members, List<Entry> entries, HubConfig config) {
        List<FeedReport> reports = members.stream().map(s -> new FeedReport(s.id(), s.name(), s.feed().display(),
                FeedStatus.ok(), 1, false, Optional.of(HubTest.NOW), HubTest.NOW, Duration.ZERO, Optional.empty())).toList();
        return Hub.assemble(config, new Collected(EntryMerger.merge(entries), new HealthReport(HubTest.NOW, reports)),
                HubTest.NOW, HubTest.LONDON);
    }

    @Test
    void everyListOfTheHubIsOneListingInPlanOrderWithItsAddress() {
        List<Subscription> members = List.of(HubTest.member("Ann", "Oracy"), HubTest.member("Bob", "oracy", "Science"));
        HubConfig config = new HubConfig(members, Map.of(), HubSettings.defaults(Path.of("cache")), 1, 2, "");
        List<Entry> entries = List.of(HubTest.entry("ann", "a1", "2025-03-03T10:00:00Z"),
                HubTest.entry("ann", "a2", "2025-03-04T10:00:00Z"), HubTest.entry("ann", "a3", "2025-03-05T10:00:00Z"),
                HubTest.entry("ann", "a4", "2025-03-06T10:00:00Z"), HubTest.entry("bob", "b1", "2025-03-07T10:00:00Z"),
                HubTest.entry("ann", "a5", "2025-03-08T10:00:00Z"));
        Hub hub = hub(members, entries, config);

        List<Listing<?>> all = HubListings.of(site(), hub, config, "Valley hub · weekly digest");

        // members' declared topics make no pages (the members page lists them); hub.topics does (HubCommunityIT)
        assertThat(all).extracting(l -> l.kind().templateName() + " " + l.address().url()).containsExactly(
                "river /net/", "members /net/members/", "member /net/members/ann/", "member /net/members/bob/",
                "digest /net/digest/", "digestWeek /net/digest/2025-W10/");
        Listing<?> river = all.get(0);
        assertThat(river.hasFeeds()).isTrue();
        assertThat(river.address().outputDir()).isEmpty(); // the river's feeds are the hub's own, at its root
        // pages of 2, one entry of a member while another waits, at most 2 pages: the rest stays on members' pages
        assertThat(river.pagers()).extracting(Pager::outputPath).containsExactly("index.html", "page/2/index.html");
        assertThat(river.pagers().get(0).items()).extracting(e -> ((Entry) e).memberId()).containsExactly("ann", "bob");
        assertThat(river.pagers().get(1).prevUrl()).isEqualTo("/net/");
        assertThat(river.pagers().get(0).totalItems()).isEqualTo(4);
        Listing<?> ann = all.get(2);
        assertThat(ann.paginated()).isFalse();
        assertThat(ann.address().outputPath()).isEqualTo("members/ann/index.html");
        assertThat(ann.subject()).containsEntry("member", hub.member("ann").orElseThrow());
        assertThat(Kind.TOPIC.formats()).contains(org.lateral.plan.Format.HTML, org.lateral.plan.Format.ATOM);
        Listing<?> digest = all.get(4);
        assertThat(digest.hasFeeds()).isTrue();
        assertThat(digest.feedTitle()).isEqualTo("Valley hub · weekly digest");
        assertThat(digest.subject()).containsEntry("digest", hub.digest());
        assertThat(digest.feedPages()).isEqualTo(hub.digests());
        Listing<?> week = all.get(5);
        assertThat(week.address().outputPath()).isEqualTo("digest/2025-W10/index.html");
        assertThat(week.subject()).containsEntry("digest", hub.archive().get(0));
    }

    @Test
    void anEmptyRiverStillHasOnePage() {
        List<Subscription> members = List.of(HubTest.member("Ann"));
        HubConfig config = new HubConfig(members, Map.of(), HubSettings.defaults(Path.of("cache")), 3, 0, "");
        Listing<?> river = HubListings.of(site(), hub(members, List.of(), config), config, "digest").get(0);
        assertThat(river.pagers()).singleElement().satisfies(p -> {
            assertThat(p.items()).isEmpty();
            assertThat(p.url()).isEqualTo("/net/");
        });
    }

    @Test
    void aMembersPageLivesUnderTheBasePath() {
        Subscription s = Subscription.of("Cat", new FeedLocation.Remote(URI.create("https://cat.example/feed")));
        HubConfig config = new HubConfig(List.of(s), Map.of(), HubSettings.defaults(Path.of("cache")), 3, 0, "");
        Listing<?> cat = HubListings.of(site(), hub(List.of(s), List.of(), config), config, "digest").get(2);
        assertThat(cat.address().permalink()).isEqualTo("https://hub.example/net/members/cat/");
    }
}
