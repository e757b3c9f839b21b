package org.lateral.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteAssemblerTest {

    @Test
    void theSeriesIndexIsTheFolderAboveEachSeries() {
        assertThat(SiteAssembler.seriesIndexPath("/series/:slug/")).isEqualTo("/series/");
        assertThat(SiteAssembler.seriesIndexPath("/projects/series/:slug/")).isEqualTo("/projects/series/");
        assertThat(SiteAssembler.seriesIndexPath("/:slug-series/")).isEqualTo("/series/");
    }
}
