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
}
