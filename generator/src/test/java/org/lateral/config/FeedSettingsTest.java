package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.testing.TestSites;

/** The {@code feeds:} section of site.yaml. */
class FeedSettingsTest {

    @TempDir
    Path tmp;

    private SiteConfig load(String yaml) {
        TestSites.write(tmp.resolve("site.yaml"), "title: T\nbaseUrl: https://example.org/\n" + yaml);
        return SiteConfigLoader.load(tmp, new ArrayList<>());
    }

    @Test
    void defaultsToTwentyWholePosts() {
        assertThat(load("").feeds()).isEqualTo(new SiteConfig.FeedConfig(20, true));
    }

    @Test
    void readsEntriesAndExcerptMode() {
        assertThat(load("feeds:\n  entries: 50\n  full: false\n").feeds()).isEqualTo(new SiteConfig.FeedConfig(50, false));
    }

    @Test
    void aTypoInAFeedSettingIsAnErrorWithItsLineAndASuggestion() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("feeds:\n  entires: 5\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("feeds has no setting \"entires\"");
            assertThat(p.hint()).isEqualTo("did you mean `entries`?");
        });
    }

    @Test
    void anEntriesCountThatIsNotAPositiveNumberIsAnError() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("feeds:\n  entries: 0\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }
}
