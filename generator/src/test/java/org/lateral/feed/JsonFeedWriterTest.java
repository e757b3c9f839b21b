package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonFeedWriterTest {

    private static JsonNode read(byte[] json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void writesTheTopLevelFieldsOfJsonFeed11() throws Exception {
        JsonNode feed = read(JsonFeedWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))));
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("Ms Rahman's CPD journal");
        assertThat(feed.path("home_page_url").asText()).isEqualTo(FeedFixtures.BASE);
        assertThat(feed.path("feed_url").asText()).isEqualTo(FeedFixtures.BASE + "feed.json");
        assertThat(feed.path("language").asText()).isEqualTo("en-GB");
        assertThat(feed.path("items").isArray()).isTrue();
    }

    @Test
    void writesEachItemWithIdContentDatesAuthorsTagsAndImage() throws Exception {
        JsonNode item = read(JsonFeedWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("tag:example.org,2024-03-05:/cpd/posts/oracy");
        assertThat(item.path("url").asText()).isEqualTo(FeedFixtures.BASE + "2024/03/oracy/");
        assertThat(item.path("title").asText()).isEqualTo("Oracy");
        assertThat(item.path("content_html").asText()).isEqualTo("<p>All.</p>");
        assertThat(item.path("summary").asText()).isEqualTo("Summary.");
        assertThat(item.path("date_published").asText()).isEqualTo("2024-03-05T09:30:00Z");
        assertThat(item.path("date_modified").asText()).isEqualTo("2024-03-07T09:30:00Z");
        assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("Aisha Rahman");
        assertThat(item.path("tags")).extracting(JsonNode::asText).containsExactly("Events", "Oracy");
        assertThat(item.path("image").asText()).isEqualTo(FeedFixtures.BASE + "2024/03/oracy/photo.jpg");
    }

    @Test
    void marksAPostInAnotherLanguage() throws Exception {
        JsonNode items = read(JsonFeedWriter.write(FeedFixtures.document(true,
                FeedFixtures.inWelsh(FeedFixtures.entry("Dysgu", "<p>Helo.</p>")), FeedFixtures.entry("Oracy", "<p>x</p>"))))
                .path("items");
        assertThat(items.get(0).path("language").asText()).isEqualTo("cy");
        assertThat(items.get(1).has("language")).isFalse();
    }

    @Test
    void excerptModeCarriesTheSummaryAsContent() throws Exception {
        JsonNode item = read(JsonFeedWriter.write(FeedFixtures.document(false, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .path("items").get(0);
        assertThat(item.path("content_html").asText()).isEqualTo("<p>Summary.</p>");
    }

    @Test
    void datesKeepTheSitesOffset() {
        assertThat(JsonFeedWriter.date(FeedFixtures.date("2024-07-01"))).isEqualTo("2024-07-01T09:30:00+01:00");
    }
}
