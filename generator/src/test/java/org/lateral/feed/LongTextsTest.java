package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.Test;

/**
 * Feeds whose long texts are escaped by {@link LongTexts} have the very bytes of feeds whose texts
 * JDOM escaped, for texts with every character JDOM escapes, trims or writes as a reference.
 */
class LongTextsTest {

    private static final String ALPHABET = "ab <>&\"'\r\n\t;#xD]]>éŵ’—\u00A0\u2028\u0085\uFFFD😀\u0001\u000B";

    private static String random(Random random, int length) {
        int[] cps = ALPHABET.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return b.toString();
    }

    /** White space JDOM's pretty format trims, or none: a post's HTML ends in a line feed. */
    private static String spaces(Random random) {
        String[] ends = {"", "", "\n", " ", "\r\n", "\n\n", "\t \n"};
        return ends[random.nextInt(ends.length)];
    }

    @Test
    void aTextIsEscapedAsJdomEscapesAnElementsText() {
        XMLOutputter jdom = new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8"));
        Random random = new Random(11);
        for (int n = 0; n < 3_000; n++) {
            String text = XmlChars.clean("x" + random(random, random.nextInt(200)) + "x"); // no white space at the ends
            StringBuilder mine = new StringBuilder();
            LongTexts.escape(text, mine);
            if (text.codePoints().allMatch(c -> c < 0x10000)) {
                assertThat("<x>" + mine + "</x>").as("%s", text).isEqualTo(jdom.outputString(new Element("x").setText(text)));
            }
        }
    }

    @Test
    void feedsAreByteForByteThoseJdomWritesAlone() {
        Random random = new Random(12);
        for (int n = 0; n < 300; n++) {
            List<FeedEntry> entries = new ArrayList<>();
            for (int k = random.nextInt(4); k >= 0; k--) {
                String content = XmlChars.clean(spaces(random) + random(random, random.nextInt(300)) + spaces(random));
                String summary = random.nextBoolean() ? "" : XmlChars.clean(random(random, random.nextInt(120)));
                FeedEntry e = FeedFixtures.entry("Post " + n + " " + k, content);
                entries.add(new FeedEntry(e.id() + k, e.title(), e.url(), e.published(), e.updated(), e.authors(),
                        e.categories(), content, summary, random.nextBoolean() ? "" : "a summary",
                        random.nextBoolean() ? e.image() : Optional.empty(), e.language()));
            }
            FeedDocument doc = FeedFixtures.document(random.nextBoolean(), entries.toArray(FeedEntry[]::new));
            assertThat(AtomWriter.xml(doc, new LongTexts())).isEqualTo(AtomWriter.xml(doc, LongTexts.none()));
            assertThat(RssWriter.xml(doc, new LongTexts())).isEqualTo(RssWriter.xml(doc, LongTexts.none()));
        }
    }

    @Test
    void aLongTextIsHeldTrimmedAndAShortOneIsLeftAsItIs() {
        LongTexts texts = new LongTexts();
        String longText = "<p>" + "word ".repeat(30) + "&amp; more</p>";
        assertThat(texts.hold(longText)).isNotEqualTo(longText).doesNotContain("<");
        assertThat(texts.hold("<p>short</p>")).isEqualTo("<p>short</p>");
        assertThat(texts.hold(" " + longText)).isNotEqualTo(" " + longText).doesNotContain("<");
        assertThat(texts.hold(longText + "\n")).isNotEqualTo(longText + "\n").doesNotContain("<");
        assertThat(texts.hold("\n  <p>short</p>\n" + " ".repeat(80))).contains("<p>short</p>"); // short once trimmed
        assertThat(texts.hold(longText + "😀")).isEqualTo(longText + "😀");
    }
}
