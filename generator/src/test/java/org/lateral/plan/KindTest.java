package org.lateral.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KindTest {

    @Test
    void disableKindsAcceptsTheWordsItAlwaysAcceptedAndTheNameOfEveryKindThatCanBeSwitchedOff() {
        assertThat(Kind.switchNames()).contains("taxonomy", "categories", "authors", "series", "archive", "search",
                "listFeeds", "related", "sitemap", "robots", "404");
        assertThat(Kind.switchNames()).contains("term", "author", "seriesList", "archivePeriod", "searchIndex");
        assertThat(Kind.switchNames()).doesNotContain("home", "post", "page", "river");
    }

    @Test
    void aGroupSwitchesOffEveryKindInIt() {
        assertThat(Kind.SERIES_LIST.isWrittenUnless(Set.of("series"))).isFalse();
        assertThat(Kind.SERIES.isWrittenUnless(Set.of("series"))).isFalse();
        assertThat(Kind.SERIES_LIST.isWrittenUnless(Set.of("seriesList"))).isFalse();
        assertThat(Kind.SERIES.isWrittenUnless(Set.of("seriesList"))).isTrue();
        assertThat(Kind.ARCHIVE_PERIOD.isWrittenUnless(Set.of("archive"))).isFalse();
        assertThat(Kind.SEARCH_INDEX.isWrittenUnless(Set.of("search"))).isFalse();
        assertThat(Kind.AUTHOR.isWrittenUnless(Set.of("authors"))).isFalse();
        assertThat(Kind.TERM.isWrittenUnless(Set.of("taxonomy"))).isTrue();
    }

    @Test
    void templatesSeeTheNamesTheyAlwaysSaw() {
        assertThat(Kind.templateNames()).contains("post", "page", "home", "taxonomy", "term", "author", "seriesList",
                "series", "archive", "archivePeriod", "search", "404", "river", "members", "member", "digest", "health");
        assertThat(Kind.named("archivePeriod")).contains(Kind.ARCHIVE_PERIOD);
        assertThat(Kind.named("archives")).isEmpty();
        assertThat(Kind.templateNames()).doesNotHaveDuplicates();
    }
}
