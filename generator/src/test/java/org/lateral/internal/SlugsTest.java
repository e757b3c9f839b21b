package org.lateral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesReadableSlugs() {
        assertThat(Slugs.slugify("TeachMeet North: what I took away")).isEqualTo("teachmeet-north-what-i-took-away");
        assertThat(Slugs.slugify("Don't smile before Christmas?!")).isEqualTo("dont-smile-before-christmas");
        assertThat(Slugs.slugify("Siân & Zoë's co-teaching — week 2")).isEqualTo("sian-zoes-co-teaching-week-2");
        assertThat(Slugs.slugify("Dysgu Cymraeg: ŵ ŷ")).isEqualTo("dysgu-cymraeg-w-y");
        assertThat(Slugs.slugify("  ")).isEmpty();
    }

    @Test
    void sameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Slugs.slugify("INSET DAY İstanbul")).isEqualTo("inset-day-istanbul");
            assertThat(Suggestions.closest("TITLE", List.of("title"))).contains("title");
        } finally {
            Locale.setDefault(before);
        }
    }
}
