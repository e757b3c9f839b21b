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
}
