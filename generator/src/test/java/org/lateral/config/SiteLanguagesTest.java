package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/** {@code languages:} in site.yaml, and each side's settings. */
class SiteLanguagesTest {

    @TempDir
    Path tmp;

    private SiteConfig load(String yaml) {
        TestSites.write(tmp.resolve("site.yaml"), yaml);
        return SiteConfigLoader.load(tmp, new ArrayList<>());
    }

    private Problem error(String yaml) {
        TestSites.write(tmp.resolve("site.yaml"), yaml);
        return catchThrowableOfType(() -> SiteConfigLoader.load(tmp, new ArrayList<>()), LateralException.class)
                .problems().get(0);
    }

    @Test
    void theFirstLanguageIsTheSitesAndEachOtherHasASideInItsFolder() {
        SiteConfig c = load("""
                title: T
                baseUrl: https://example.org/cpd/
                languages: [en-GB, cy]
                """);
        assertThat(c.language()).isEqualTo("en-GB");
        assertThat(c.languages().tags()).containsExactly("en-GB", "cy");
        assertThat(c.languages().prefix("en-GB")).isEmpty();
        assertThat(c.languages().prefix("cy")).isEqualTo("cy/");
        SiteConfig cy = c.side("cy");
        assertThat(cy.language()).isEqualTo("cy");
        assertThat(cy.baseUrl()).isEqualTo("https://example.org/cpd/cy/");
        assertThat(cy.basePath()).isEqualTo("/cpd/cy/");
        assertThat(cy.rootPath()).isEqualTo("/cpd/");
        assertThat(cy.isSide()).isTrue();
        assertThat(c.isSide()).isFalse();
        assertThat(c.side("en-GB")).isSameAs(c);
        // a preview moves the whole site, sides included
        SiteConfig moved = c.withBaseUrl("http://127.0.0.1:1313/cpd/").side("cy");
        assertThat(moved.baseUrl()).isEqualTo("http://127.0.0.1:1313/cpd/cy/");
        assertThat(moved.rootPath()).isEqualTo("/cpd/");
    }

    @Test
    void aOneLanguageSiteIsAsBefore() {
        SiteConfig c = load("""
                title: T
                baseUrl: https://example.org/
                language: cy
                """);
        assertThat(c.languages()).isEqualTo(SiteLanguages.NONE);
        assertThat(c.languages().multilingual()).isFalse();
        assertThat(c.languages().prefix("cy")).isEmpty();
        assertThat(c.rootPath()).isEqualTo(c.basePath());
        assertThat(load("title: T\nbaseUrl: https://example.org/\nlanguages: [cy]\n").language()).isEqualTo("cy");
    }

    @Test
    void mistakesAreErrorsAtTheirLine() {
        Problem twice = error("title: T\nbaseUrl: https://example.org/\nlanguages:\n  - en\n  - cy\n  - CY\n");
        assertThat(twice.line()).isEqualTo(6);
        assertThat(twice.message()).contains("\"CY\" is listed twice");
        Problem name = error("title: T\nbaseUrl: https://example.org/\nlanguages: [en, Welsh]\n");
        assertThat(name.line()).isEqualTo(3);
        assertThat(name.message()).contains("did you mean `cy`?");
        Problem disagree = error("title: T\nbaseUrl: https://example.org/\nlanguage: en-GB\nlanguages: [en, cy]\n");
        assertThat(disagree.line()).isEqualTo(4);
        assertThat(disagree.hint()).contains("languages: [en-GB, cy]");
    }

    @Test
    void aFileNameMarksItsLanguageOnlyWithARealCode() {
        assertThat(SiteLanguages.suffix("oracy.cy")).contains("cy");
        assertThat(SiteLanguages.suffix("oracy.en-GB")).contains("en-GB");
        assertThat(SiteLanguages.suffix("notes.v2")).isEmpty();
        assertThat(SiteLanguages.suffix("oracy")).isEmpty();
        assertThat(SiteLanguages.suffix("release.final")).isEmpty();
        SiteLanguages both = new SiteLanguages(List.of("en", "cy"), "https://example.org/");
        assertThat(both.withoutSuffix("oracy.cy")).isEqualTo("oracy");
        assertThat(both.withoutSuffix("oracy.fr")).isEqualTo("oracy.fr");
        assertThat(both.withoutSuffix("2026-03-02-oracy.cy")).isEqualTo("2026-03-02-oracy");
    }
}
