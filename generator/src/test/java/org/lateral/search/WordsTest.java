package org.lateral.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void foldingDropsAccentsAndCase() {
        assertThat(Words.fold("Ŵyl Dewi, CAFÉ")).isEqualTo("wyl dewi, cafe");
    }

    @Test
    void foldingIsTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Words.of("INSET İnclusion TITLE")).containsExactly("inset", "inclusion", "title");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void wordsSplitAtAnythingButLettersAndDigits() {
        assertThat(Words.of("Year 7: think-pair-share (again!)"))
                .containsExactly("year", "7", "think", "pair", "share", "again");
    }

    @Test
    void stopWordsAndSingleCharactersAreNotUseful() {
        assertThat(Words.useful("the")).isFalse();
        assertThat(Words.useful("mae")).isFalse();
        assertThat(Words.useful("7")).isFalse();
        assertThat(Words.useful("pe")).isTrue();
        assertThat(Words.useful("oracy")).isTrue();
    }

    @Test
    void plainTextDropsTagsScriptsAndDecodesReferences() {
        assertThat(Words.plainText("<p>Fish &amp; chips &#8211; <em>not</em> &#x41;<script>var x = 1;</script></p>"))
                .isEqualToNormalizingWhitespace("Fish & chips – not A");
    }

    @Test
    void snippetsAreCutAtAWordWithAnEllipsis() {
        assertThat(Words.snippet("Short  text\n", 160)).isEqualTo("Short text");
        assertThat(Words.snippet("one two three four", 10)).isEqualTo("one two…");
    }

    /** The words as the regular expressions made them before {@link Words#of} split by hand. */
    private static java.util.List<String> byRegex(String text) {
        String s = Words.MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)).replaceAll("");
        String folded = Words.MARKS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return java.util.Arrays.stream(Words.NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void wordsAreThoseTheRegularExpressionsGaveForAnyText() {
        String alphabet = "aZ7 ,.-–’'é\u0301\u20DD\u0903ŴİıßﬁΣςЖ日本\u00B2\u2160\u00BD①\uD835\uDC00\uD801\uDC28\uDBFF\uD800x\t\n<>&";
        int[] cps = alphabet.codePoints().toArray();
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(30);
            for (int k = 0; k < len; k++) {
                b.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String text = random.nextInt(10) == 0 ? b.toString().replaceAll("[^\\x00-\\x7F]", "A") : b.toString();
            assertThat(Words.of(text)).as("words of %s", text).isEqualTo(byRegex(text));
        }
    }
}
