package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A feed written from each entry's text made once ({@link FeedFragments}) has the very bytes of the
 * feed written whole, in every format, with full content and summaries, for entries in another
 * language, without images or categories, and with text a writer must escape or trim.
 */
class FeedFragmentsTest {

    private static List<FeedEntry> entries() {
        List<FeedEntry> out = new ArrayList<>();
        out.add(FeedFixtures.entry("Oracy", "<p>All.</p>"));
        out.add(FeedFixtures.inWelsh(FeedFixtures.entry("Llafaredd", "<p>Popeth.</p>\n<p>Mwy.</p>")));
        out.add(plain(FeedFixtures.entry("  Spaces & <angles> \"quoted\" 😀 ", "  \n<p>a\r\nb</p>\t\n\n  ")));
        out.add(FeedFixtures.entry("]]> </entry> </item> \"items\" : [ ] ", "<p>\"items\" : [ x ] </entry></p>"));
        out.add(FeedFixtures.entry("Oracy", "<p>All.</p>")); // the same entry twice
        return out;
    }

    /** An entry with no image, no categories, no summary. */
    private static FeedEntry plain(FeedEntry e) {
        return new FeedEntry(e.id() + "-plain", e.title(), e.url(), e.published(), e.updated(), e.authors(), List.of(),
                e.contentHtml(), "", "", Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyFormatIsByteForByteTheWholeFeed(boolean full) {
        FeedFragments fragments = new FeedFragments();
        List<FeedEntry> all = entries();
        check(full, all, AtomWriter::write, AtomWriter::write, fragments);
        check(full, all, RssWriter::write, RssWriter::write, fragments);
        check(full, all, JsonFeedWriter::write, JsonFeedWriter::write, fragments);
    }

    private static void check(boolean full, List<FeedEntry> all, Function<FeedDocument, byte[]> whole,
            BiFunction<FeedDocument, FeedFragments, byte[]> spliced, FeedFragments fragments) {
        // every prefix and a few orders, so entries are met first, later and again, as across a site's feeds
        for (int n = 0; n <= all.size(); n++) {
            FeedDocument doc = FeedFixtures.document(full, all.subList(0, n).toArray(FeedEntry[]::new));
            assertThat(text(spliced.apply(doc, fragments))).as("%d entries", n).isEqualTo(text(whole.apply(doc)));
            // a feed whose own title looks like where its entries begin
            FeedDocument odd = new FeedDocument("Notes \"items\" : [ <entry> <item>", "\n  \"items\" : [ ", doc.homeUrl(),
                    doc.atomUrl(), doc.rssUrl(), doc.jsonUrl(), "en-GB", doc.updated(), doc.author(), full, doc.entries());
            assertThat(text(spliced.apply(odd, fragments))).as("%d entries", n).isEqualTo(text(whole.apply(odd)));
            // a feed linking the site's calendar and community file keeps both links once spliced
            FeedDocument linked = new FeedDocument(doc.title(), doc.description(), doc.homeUrl(), doc.atomUrl(),
                    doc.rssUrl(), doc.jsonUrl(), "en-GB", doc.updated(), doc.author(), full, doc.entries(), List.of(),
                    "https://ann.example/events/calendar.ics", "https://ann.example/community.json");
            assertThat(text(spliced.apply(linked, fragments))).as("%d entries", n).isEqualTo(text(whole.apply(linked)));
        }
        List<FeedEntry> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        FeedDocument doc = FeedFixtures.document(full, reversed.toArray(FeedEntry[]::new));
        assertThat(text(spliced.apply(doc, fragments))).isEqualTo(text(whole.apply(doc)));
    }

    /**
     * A build says beforehand which feeds carry each entry; once the last of them is written the
     * entry's text is let go (a 10,000-post build held every text until its end), and the bytes
     * are still those of the whole feed.
     */
    @org.junit.jupiter.api.Test
    void anEntrysTextIsLetGoOnceTheLastFeedThatCarriesItIsWritten() {
        FeedFragments fragments = new FeedFragments();
        FeedEntry a = at(FeedFixtures.entry("Oracy", "<p>All.</p>"), "a/");
        FeedEntry b = at(FeedFixtures.entry("Talk", "<p>Talk.</p>"), "b/");
        FeedEntry c = at(FeedFixtures.entry("Debate", "<p>Debate.</p>"), "c/");
        FeedDocument two = FeedFixtures.document(true, a, b);
        FeedDocument three = FeedFixtures.document(true, a, b, c);
        for (FeedDocument doc : List.of(two, three)) {
            fragments.expect(FeedFragments.Format.ATOM, doc.entries().stream().map(FeedEntry::url).toList());
        }
        assertThat(text(AtomWriter.write(two, fragments))).isEqualTo(text(AtomWriter.write(two)));
        assertThat(fragments.held()).as("a and b are still to be written in the second feed").isEqualTo(2);
        assertThat(text(AtomWriter.write(three, fragments))).isEqualTo(text(AtomWriter.write(three)));
        assertThat(fragments.held()).as("no feed left carries any of them").isZero();
        // a feed written again that was not expected (an incremental rebuild's) makes its texts again: same bytes
        assertThat(text(AtomWriter.write(three, fragments))).isEqualTo(text(AtomWriter.write(three)));
        assertThat(fragments.held()).isEqualTo(3);
    }

    /** The entry at another address. */
    private static FeedEntry at(FeedEntry e, String path) {
        return new FeedEntry(e.id() + path, e.title(), e.url() + path, e.published(), e.updated(), e.authors(),
                e.categories(), e.contentHtml(), e.summaryHtml(), e.summaryText(), e.image(), e.language());
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
