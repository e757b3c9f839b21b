package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.lateral.LateralException;

/** The settings series and archives read: {@code permalinks.series} and {@code academicYearStart}. */
class SiteConfigLoaderTest {

    private static SiteConfig load(String yaml) {
        return SiteConfigLoader.fromNode(Yaml.parse(yaml, Path.of("site.yaml"), 1), Path.of("site.yaml"),
                new ArrayList<>());
    }

    @Test
    void seriesLiveUnderSeriesAndAcademicYearsStartInSeptemberByDefault() {
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\n");

        assertThat(c.permalinks().series()).isEqualTo("/series/:slug/");
        assertThat(c.academicYearStartMonth()).isEqualTo(9);
    }

    @Test
    void bothCanBeSet() {
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\nacademicYearStart: 8\n"
                + "permalinks:\n  series: projects/:slug/\n");

        assertThat(c.permalinks().series()).isEqualTo("/projects/:slug/");
        assertThat(c.academicYearStartMonth()).isEqualTo(8);
    }

    @Test
    void aMonthOutOfRangeIsAPositionedError() {
        assertThatThrownBy(() -> load("title: T\nbaseUrl: https://example.org/\nacademicYearStart: 13\n"))
                .isInstanceOf(LateralException.class)
                .hasMessage("site.yaml:3:20: error: academicYearStart must be a whole number from 1 to 12, not \"13\""
                        + " — fix: write it as, e.g., academicYearStart: 9");
    }

    @Test
    void aMistypedPermalinkKindIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> load("title: T\nbaseUrl: https://example.org/\npermalinks:\n  serie: /s/:slug/\n"))
                .isInstanceOf(LateralException.class)
                .hasMessageContaining("site.yaml:4:3: error: permalinks has no setting \"serie\"")
                .hasMessageContaining("did you mean `series`?");
    }
}
