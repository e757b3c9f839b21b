package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedLinksTest {

    static final String TYPE = "application/vnd.lateral.community+json";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void atomAndRssHeadsNameTheCommunityFile() {
        assertThat(FeedLinks.link(bytes("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <link rel="alternate" type="text/html" href="https://a.example/"/>
                <link rel="related" type="%s" href=" https://a.example/community.json "/></feed>""".formatted(TYPE)),
                "related", TYPE, "community")).contains("https://a.example/community.json");
        assertThat(FeedLinks.link(bytes("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
                <atom:link rel="related" type="%s" href="https://b.example/community.json"/></channel></rss>"""
                .formatted(TYPE)), "related", TYPE, "community")).contains("https://b.example/community.json");
    }

    @Test
    void aLinkInsideAnEntryOrOfAnotherTypeIsNotTheSites() {
        assertThat(FeedLinks.link(bytes("""
                <feed xmlns="http://www.w3.org/2005/Atom"><link rel="related" type="text/html" href="https://x/"/>
                <entry><link rel="related" type="%s" href="https://evil.example/c.json"/></entry></feed>"""
                .formatted(TYPE)), "related", TYPE, "community")).isEmpty();
    }

    @Test
    void aJsonFeedNamesItInItsLateralExtension() {
        assertThat(FeedLinks.link(bytes("\uFEFF {\"version\": \"https://jsonfeed.org/version/1.1\", \"_lateral\": "
                + "{\"calendar\": \"https://c.example/events/calendar.ics\", \"community\": \"https://c.example/community.json\"}}"),
                "related", TYPE, "community")).contains("https://c.example/community.json");
        assertThat(FeedLinks.link(bytes("{\"_lateral\": {\"community\": 3}}"), "related", TYPE, "community")).isEmpty();
        assertThat(FeedLinks.link(bytes("{ broken"), "related", TYPE, "community")).isEmpty();
    }

    @Test
    void aDtdIsNeverResolved() {
        assertThat(FeedLinks.link(bytes("""
                <?xml version="1.0"?><!DOCTYPE feed [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><link rel="related" type="%s" href="&e;"/></feed>"""
                .formatted(TYPE)), "related", TYPE, "community")).isEmpty();
    }

    /** A language side's local feed ({@code cy/feed.xml}) naming the site's community file, one folder up. */
    @Test
    void aLinkAboveALocalFeedsFolderIsReadFromTheMatchingFolderOnDisk() {
        java.nio.file.Path out = java.nio.file.Path.of("/net/blog/target/site-output").toAbsolutePath();
        Subscription welsh = Subscription.of("Siân (Cymraeg)", new FeedLocation.Local(out.resolve("cy/feed.xml"),
                "../blog/target/site-output/cy/feed.xml")).withId("sian-cy");
        HubConfig config = new HubConfig(java.util.List.of(welsh), java.util.Map.of("sian-cy",
                java.net.URI.create("https://sian.example/cy/feed.xml")),
                HubSettings.defaults(java.nio.file.Path.of("cache")), 3, 0, "");
        assertThat(FeedLinks.locate(welsh, config, "https://sian.example/community.json")).contains(
                new FeedLocation.Local(out.resolve("community.json"), "../blog/target/site-output/community.json"));
        assertThat(FeedLinks.locate(welsh, config, "https://sian.example/cy/calendar.ics")).contains(
                new FeedLocation.Local(out.resolve("cy/calendar.ics"), "../blog/target/site-output/cy/calendar.ics"));
        // another site's file stays on the web; nothing above the folders that match is read from disk
        assertThat(FeedLinks.locate(welsh, config, "https://elsewhere.example/community.json")).contains(
                new FeedLocation.Remote(java.net.URI.create("https://elsewhere.example/community.json")));
    }
}
