package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class AtomWriterTest {

    static Feed read(byte[] xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
    }

    private static Link link(java.util.List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).findFirst().orElseThrow();
    }

    @Test
    void writesTheFeedElementsAtomRequires() throws Exception {
        Feed feed = read(AtomWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo(FeedFixtures.BASE);
        assertThat(feed.getTitle()).isEqualTo("Ms Rahman's CPD journal");
        assertThat(feed.getUpdated()).isEqualTo(AtomWriter.date(FeedFixtures.date("2024-03-07")));
        assertThat(link(feed.getOtherLinks(), "self").getHref()).isEqualTo(FeedFixtures.BASE + "feed.xml");
        assertThat(link(feed.getOtherLinks(), "self").getType()).isEqualTo("application/atom+xml");
        assertThat(link(feed.getAlternateLinks(), "alternate").getHref()).isEqualTo(FeedFixtures.BASE);
        assertThat(feed.getAuthors()).extracting(p -> p.getName()).containsExactly("Ms Rahman's CPD journal");
    }

    @Test
    void writesEachEntryWithIdTitleDatesAuthorCategoriesAndContent() throws Exception {
        Entry e = read(AtomWriter.write(FeedFixtures.document(true, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .getEntries().get(0);
        assertThat(e.getId()).isEqualTo("tag:example.org,2024-03-05:/cpd/posts/oracy");
        assertThat(e.getTitle()).isEqualTo("Oracy");
        assertThat(e.getUpdated()).isEqualTo(AtomWriter.date(FeedFixtures.date("2024-03-07")));
        assertThat(e.getPublished()).isEqualTo(AtomWriter.date(FeedFixtures.date("2024-03-05")));
        assertThat(e.getAuthors()).extracting(p -> p.getName()).containsExactly("Aisha Rahman");
        assertThat(e.getCategories()).extracting(c -> c.getTerm()).containsExactly("Events", "Oracy");
        assertThat(e.getContents()).extracting(Content::getType, Content::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("html", "<p>All.</p>"));
        assertThat(e.getSummary().getValue()).isEqualTo("<p>Summary.</p>");
        Link enclosure = link(e.getOtherLinks(), "enclosure");
        assertThat(enclosure.getHref()).isEqualTo(FeedFixtures.BASE + "2024/03/oracy/photo.jpg");
        assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        assertThat(enclosure.getLength()).isEqualTo(1234);
    }

    @Test
    void marksTheFeedsLanguage() {
        Document xml = Jsoup.parse(new String(AtomWriter.write(FeedFixtures.document(true)), StandardCharsets.UTF_8),
                "", Parser.xmlParser());
        assertThat(xml.select("feed").attr("xml:lang")).isEqualTo("en-GB");
    }

    @Test
    void marksAPostInAnotherLanguage() {
        Document xml = Jsoup.parse(new String(AtomWriter.write(FeedFixtures.document(true,
                FeedFixtures.inWelsh(FeedFixtures.entry("Dysgu", "<p>Helo.</p>")), FeedFixtures.entry("Oracy", "<p>x</p>"))),
                StandardCharsets.UTF_8), "", Parser.xmlParser());
        assertThat(xml.select("entry").eachAttr("xml:lang")).containsExactly("cy");
        assertThat(xml.select("entry").get(0).select("title").text()).isEqualTo("Dysgu");
    }

    @Test
    void excerptModeLeavesTheContentOut() throws Exception {
        Entry e = read(AtomWriter.write(FeedFixtures.document(false, FeedFixtures.entry("Oracy", "<p>All.</p>"))))
                .getEntries().get(0);
        assertThat(e.getContents()).isEmpty();
        assertThat(e.getSummary().getValue()).isEqualTo("<p>Summary.</p>");
    }

    @Test
    void titlesThatLookLikeMarkupStayText() throws Exception {
        Entry e = read(AtomWriter.write(FeedFixtures.document(true,
                FeedFixtures.entry("<b>Bold</b> & \"quotes\" </title>]]>", "<p>x</p>")))).getEntries().get(0);
        assertThat(e.getTitleEx().getType()).isEqualTo("text");
        assertThat(e.getTitle()).isEqualTo("<b>Bold</b> & \"quotes\" </title>]]>");
    }
}
