package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

    @Test
    void removesControlCharactersXmlCannotCarry() {
        assertThat(XmlChars.clean("Bell\u0007 and\u0000 escape\u001B and\u000B tab")).isEqualTo("Bell and escape and tab");
    }

    @Test
    void keepsTabsLineBreaksAndEveryOtherCharacter() {
        String s = "a\tb\nc\rd — Dysgu ŵ 😀 <b>&amp;</b>";
        assertThat(XmlChars.clean(s)).isSameAs(s);
    }

    @Test
    void removesLoneSurrogatesAndNonCharacters() {
        assertThat(XmlChars.clean("a\uD800b\uDC00c\uFFFEd\uFFFF")).isEqualTo("abcd");
    }
}
