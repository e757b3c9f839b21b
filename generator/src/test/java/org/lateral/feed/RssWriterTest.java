package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class RssWriterTest {

    static Channel read(byte[] xml) throws Exception {
        return (Channel) new WireFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
    }

    @Test
    void writesTheChannelElementsRssRequires() throws Exception {
        Channel c = read(RssWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))));
        assertThat(c.getFeedType()).isEqualTo("rss_2.0");
        assertThat(c.getTitle()).isEqualTo("Ms Rahman's CPD journal");
        assertThat(c.getLink()).isEqualTo(FeedFixtures.BASE);
        assertThat(c.getDescription()).isEqualTo("What I am learning.");
        assertThat(c.getLanguage()).isEqualTo("en-GB");
    }

    @Test
    void linksToItselfWithAtomLinkSelf() {
        Document xml = Jsoup.parse(new String(RssWriter.write(FeedFixtures.document(true)), StandardCharsets.UTF_8),
                "", Parser.xmlParser());
        assertThat(xml.select("channel > atom|link[rel=self]").attr("href")).isEqualTo(FeedFixtures.BASE + "rss.xml");
    }

    @Test
    void writesEachItemWithANonPermalinkGuidSummaryContentAndEnclosure() throws Exception {
        Item i = read(RssWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .getItems().get(0);
        assertThat(i.getGuid().getValue()).isEqualTo("tag:example.org,2024-03-05:/cpd/posts/oracy");
        assertThat(i.getGuid().isPermaLink()).isFalse();
        assertThat(i.getTitle()).isEqualTo("Oracy");
        assertThat(i.getLink()).isEqualTo(FeedFixtures.BASE + "2024/03/oracy/");
        assertThat(i.getPubDate()).isEqualTo(AtomWriter.date(FeedFixtures.date("2024-03-05")));
        assertThat(i.getDescription().getValue()).isEqualTo("<p>Summary.</p>");
        assertThat(i.getContent().getValue()).isEqualTo("<p>All.</p>");
        assertThat(i.getCategories()).extracting(c -> c.getValue()).containsExactly("Events", "Oracy");
        assertThat(i.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo(FeedFixtures.BASE + "2024/03/oracy/photo.jpg");
            assertThat(e.getType()).isEqualTo("image/jpeg");
            assertThat(e.getLength()).isEqualTo(1234);
        });
        DCModule dc = (DCModule) i.getModule(DCModule.URI);
        assertThat(dc.getCreators()).containsExactly("Aisha Rahman");
    }

    @Test
    void excerptModeLeavesTheContentOut() throws Exception {
        Item i = read(RssWriter.write(FeedFixtures.document(false, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .getItems().get(0);
        assertThat(i.getContent()).isNull();
        assertThat(i.getDescription().getValue()).isEqualTo("<p>Summary.</p>");
    }

    @Test
    void titlesThatLookLikeMarkupStayWellFormed() throws Exception {
        Item i = read(RssWriter.write(FeedFixtures.document(true,
                FeedFixtures.entry("<b>Bold</b> & \"quotes\"", "<p>x</p>")))).getItems().get(0);
        assertThat(i.getTitle()).isEqualTo("<b>Bold</b> & \"quotes\"");
    }
}
