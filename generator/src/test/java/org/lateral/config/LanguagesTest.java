package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void languageTagsAreAccepted() {
        assertThat(Languages.isTag("en")).isTrue();
        assertThat(Languages.isTag("en-GB")).isTrue();
        assertThat(Languages.isTag("en-gb")).isTrue();
        assertThat(Languages.isTag("cy")).isTrue();
        assertThat(Languages.isTag("gd-GB")).isTrue();
        assertThat(Languages.isTag("sco")).isTrue();
    }

    @Test
    void namesAndMisspelledTagsAreNot() {
        assertThat(Languages.isTag("Welsh")).as("five letters are well-formed but name no language").isFalse();
        assertThat(Languages.isTag("English")).isFalse();
        assertThat(Languages.isTag("en_GB")).isFalse();
        assertThat(Languages.isTag("en-UK")).isFalse();
        assertThat(Languages.isTag("xx")).isFalse();
        assertThat(Languages.isTag("")).isFalse();
    }

    @Test
    void languageNamesInEnglishOrInTheLanguageSuggestTheirTag() {
        assertThat(Languages.suggest("Welsh")).contains("cy");
        assertThat(Languages.suggest("Cymraeg")).contains("cy");
        assertThat(Languages.suggest("English")).contains("en-GB");
        assertThat(Languages.suggest("irish")).contains("ga");
        assertThat(Languages.suggest("Gaeilge")).contains("ga");
        assertThat(Languages.suggest("Scottish Gaelic")).contains("gd");
        assertThat(Languages.suggest("Gàidhlig")).contains("gd");
        assertThat(Languages.suggest("French")).contains("fr");
        assertThat(Languages.suggest("Deutsch")).contains("de");
        assertThat(Languages.suggest("Spanish")).contains("es");
        assertThat(Languages.suggest("Polish")).contains("pl");
        assertThat(Languages.suggest("Urdu")).contains("ur");
        assertThat(Languages.suggest("Punjabi")).contains("pa");
        assertThat(Languages.suggest("Arabic")).contains("ar");
        assertThat(Languages.suggest("Welsch")).as("a typo of a name").contains("cy");
        assertThat(Languages.suggest("en_GB")).contains("en-GB");
        assertThat(Languages.suggest("en-UK")).contains("en-GB");
    }

    @Test
    void checkGivesAPositionedErrorWithTheTagToWrite() {
        assertThat(Languages.check("Welsh", "language", Path.of("site.yaml"), 4, 11)).hasValueSatisfying(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.format()).startsWith("site.yaml:4:11: error: \"Welsh\" is not a language code; did you mean `cy`?")
                    .contains("fix: write language: cy");
        });
        assertThat(Languages.check("cy", "language", Path.of("site.yaml"), 4, 11)).isEmpty();
    }
}
