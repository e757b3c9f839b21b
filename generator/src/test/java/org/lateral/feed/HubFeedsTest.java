package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.aggregate.Collected;
import org.lateral.aggregate.EntryMerger;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedLocation;
import org.lateral.aggregate.FeedReport;
import org.lateral.aggregate.FeedStatus;
import org.lateral.aggregate.HealthReport;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.HubSettings;
import org.lateral.aggregate.Subscription;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.config.Yaml;
import org.lateral.site.Site;
import org.lateral.site.SiteAssembler;

class HubFeedsTest {

    static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z");

    static Entry entry(String member, String slug, String date, String html, String... authors) {
        Instant t = Instant.parse(date);
        return new Entry("https://" + member + ".example/" + slug, member, "Post <" + slug + ">",
                Optional.of(URI.create("https://" + member + ".example/" + slug + "/")), List.of(authors), List.of("oracy"),
                t, t, t, false, html, "Summary of " + slug + ".", List.of(), Optional.empty());
    }

    static Site site(String extra) {
        SiteConfig config = SiteConfigLoader.fromNode(Yaml.parse("""
                title: Valley hub
                description: The valley's teachers.
                baseUrl: https://hub.example/net/
                language: en-GB
                timezone: Europe/London
                """ + extra, Path.of("site.yaml"), 1), Path.of("site.yaml"), new ArrayList<>());
        return new SiteAssembler(config, new SiteAssembler.Options(false, false, NOW))
                .assemble(List.of(), (s, toc) -> { throw new AssertionError(); }, Map.of()).site();
    }

    static Hub hub(List<Entry> entries) {
        List<Subscription> members = List.of(
                Subscription.of("Ann", new FeedLocation.Remote(URI.create("https://ann.example/feed"))).withId("ann")
                        .withSite(URI.create("https://ann.example/")),
                Subscription.of("Cat", new FeedLocation.Remote(URI.create("https://cat.example/feed"))).withId("cat")
                        .withExcerptOnly(true));
        List<FeedReport> reports = members.stream().map(s -> new FeedReport(s.id(), s.name(), s.feed().display(),
                FeedStatus.ok(), 1, false, Optional.of(NOW), NOW, Duration.ZERO, Optional.empty())).toList();
        HubConfig config = new HubConfig(members, Map.of(), HubSettings.defaults(Path.of("cache")), 3, 0, "");
        return Hub.assemble(config, new Collected(EntryMerger.merge(entries), new HealthReport(NOW, reports)), NOW,
                java.time.ZoneId.of("Europe/London"));
    }

    static String text(org.lateral.plan.Output out) {
        return new String(out.content().get(), StandardCharsets.UTF_8);
    }

    /** The river's feeds, as the hub's planner asks for them. */
    private static List<org.lateral.plan.Output> river(Site site, Hub hub) {
        org.lateral.address.Address home = org.lateral.address.Address.ofPath(site.config().origin(), site.basePath(), "");
        return new HubFeeds(site, hub, d -> "", d -> "").of(new org.lateral.site.Listing<>(org.lateral.plan.Kind.RIVER,
                home, site.title(), "the river", hub.river(), List.of(), Map.of(), true, site.title(), "", hub.river()),
                java.util.Set.of());
    }

    /** The digest's feed, as the hub's planner asks for it. */
    private static org.lateral.plan.Output digest(Site site, Hub hub, String feedTitle,
            java.util.function.Function<org.lateral.aggregate.Digest, String> title,
            java.util.function.Function<org.lateral.aggregate.Digest, String> html) {
        org.lateral.address.Address at = org.lateral.address.Address.ofPath(site.config().origin(), site.basePath(),
                "digest/");
        return new HubFeeds(site, hub, title, html).of(new org.lateral.site.Listing<>(org.lateral.plan.Kind.DIGEST, at,
                "digest", "the digest", hub.digests(), List.of(), Map.of(), true, feedTitle, "", hub.digests()),
                java.util.Set.of()).get(0);
    }

    final Hub hub = hub(List.of(
            entry("ann", "oracy", "2025-03-04T18:30:00Z", "<p>Talk is a <em>tool</em>.</p>", "Ann Teacher"),
            entry("cat", "first-term", "2025-03-10T20:00:00Z", "")));

    @Test
    void theRiverFeedsKeepEachPostsIdAndLinkAndNameItsAuthor() throws Exception {
        List<org.lateral.plan.Output> outs = river(site(""), hub);
        assertThat(outs).extracting(org.lateral.plan.Output::outputPath).containsExactly("feed.xml", "rss.xml", "feed.json");
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(text(outs.get(0))));
        assertThat(atom.getTitle()).isEqualTo("Valley hub");
        assertThat(atom.getOtherLinks().get(0).getHref()).isEqualTo("https://hub.example/net/feed.xml");
        assertThat(atom.getEntries()).extracting(com.rometools.rome.feed.atom.Entry::getId)
                .containsExactly("https://cat.example/first-term", "https://ann.example/oracy");
        com.rometools.rome.feed.atom.Entry ann = atom.getEntries().get(1);
        assertThat(ann.getTitleEx().getValue()).isEqualTo("Post <oracy>");
        assertThat(ann.getTitleEx().getType()).isEqualTo("text");
        assertThat(ann.getAlternateLinks().get(0).getHref()).isEqualTo("https://ann.example/oracy/");
        assertThat(ann.getAuthors().get(0).getName()).isEqualTo("Ann Teacher");
        assertThat(ann.getAuthors().get(0).getUri()).isEqualTo("https://ann.example/");
        assertThat(ann.getContents().get(0).getValue()).isEqualTo("<p>Talk is a <em>tool</em>.</p>");
        assertThat(ann.getCategories().get(0).getTerm()).isEqualTo("oracy");
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(text(outs.get(1))));
        assertThat(rss.getItems()).extracting(i -> i.getGuid().getValue())
                .containsExactly("https://cat.example/first-term", "https://ann.example/oracy");
        JsonNode json = new ObjectMapper().readTree(text(outs.get(2)));
        assertThat(json.path("items").get(1).path("url").asText()).isEqualTo("https://ann.example/oracy/");
    }

    @Test
    void anExcerptOnlyMembersEntryCarriesItsSummaryAndALinkOnly() throws Exception {
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(text(river(site(""), hub).get(0))));
        String content = atom.getEntries().get(0).getContents().get(0).getValue();
        assertThat(content).isEqualTo("<p>Summary of first-term.</p>\n<p><a href=\"https://cat.example/first-term/\">"
                + "Cat: Post &lt;first-term&gt;</a></p>");
        assertThat(atom.getEntries().get(0).getAuthors().get(0).getName()).isEqualTo("Cat");
    }

    @Test
    void theRiverFeedsHoldTheSitesNumberOfEntries() throws Exception {
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(text(
                river(site("feeds:\n  entries: 1\n"), hub).get(0))));
        assertThat(atom.getEntries()).hasSize(1);
    }

    @Test
    void theDigestFeedHasOneEntryPerWeekWithAStableId() throws Exception {
        Hub twoWeeks = hub(List.of(entry("ann", "a", "2025-03-04T18:30:00Z", "<p>a</p>"),
                entry("ann", "b", "2025-02-25T18:30:00Z", "<p>b</p>")));
        org.lateral.plan.Output digest = digest(site(""), twoWeeks, "Valley hub · weekly digest",
                d -> "Week of " + d.key(), d -> "<p>" + d.count() + " posts</p>");
        assertThat(digest.outputPath()).isEqualTo("digest/feed.xml");
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(text(digest)));
        assertThat(atom.getTitle()).isEqualTo("Valley hub · weekly digest");
        assertThat(atom.getEntries()).extracting(com.rometools.rome.feed.atom.Entry::getId)
                .containsExactly("tag:hub.example,2025-03-03:/net/digest/", "tag:hub.example,2025-02-24:/net/digest/");
        assertThat(atom.getEntries().get(0).getTitleEx().getValue()).isEqualTo("Week of 2025-03-03");
        assertThat(atom.getEntries().get(0).getContents().get(0).getValue()).isEqualTo("<p>1 posts</p>");
        // each week links to its own page in the digest archive, absolute
        assertThat(atom.getEntries()).extracting(e -> e.getAlternateLinks().get(0).getHref())
                .containsExactly("https://hub.example/net/digest/2025-W10/", "https://hub.example/net/digest/2025-W09/");
        assertThat(twoWeeks.archive()).extracting(org.lateral.aggregate.Digest::path)
                .containsExactly("digest/2025-W10/", "digest/2025-W09/");
    }
}
