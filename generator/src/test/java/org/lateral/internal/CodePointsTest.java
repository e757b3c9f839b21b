package org.lateral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodePointsTest {

    @Test
    void aTextWhoseEveryCodePointIsKeptIsReturnedItself() {
        String text = "Dysgu Cymraeg ŵ 🍎";
        assertThat(CodePoints.keep(text, cp -> true)).isSameAs(text);
    }

    @Test
    void onlyTheRefusedCodePointsGoSurrogatePairsStayWhole() {
        assertThat(CodePoints.keep("a\u0001b🍎c\u0002", cp -> cp >= 0x20)).isEqualTo("ab🍎c");
        assertThat(CodePoints.keep("🍎x🍐", cp -> cp != 'x')).isEqualTo("🍎🍐");
        assertThat(CodePoints.keep("", cp -> false)).isEmpty();
    }
}
