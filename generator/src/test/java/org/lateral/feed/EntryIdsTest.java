package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.site.Page;
import org.lateral.site.Site;

class EntryIdsTest {

    private final Site site = FeedFixtures.site(java.util.List.of());

    private Page post(String source, String title, Map<String, Object> params) {
        return FeedFixtures.post(source, "oracy", title, FeedFixtures.date("2024-03-05"), params);
    }

    @Test
    void isATagUriOfHostDateAndSourceFile() {
        assertThat(EntryIds.of(post("content/posts/oracy.md", "Oracy", Map.of()), site))
                .isEqualTo("tag:example.org,2024-03-05:/cpd/posts/oracy");
    }

    @Test
    void doesNotChangeWhenTheTitleOrSlugChanges() {
        Page before = post("content/posts/oracy.md", "Oracy", Map.of());
        Page after = FeedFixtures.post("content/posts/oracy.md", "talk-for-learning", "Talk for learning",
                FeedFixtures.date("2024-03-05"), Map.of());
        assertThat(EntryIds.of(after, site)).isEqualTo(EntryIds.of(before, site));
    }

    @Test
    void isTheSameForAFileAndAFolderPostOfTheSameName() {
        assertThat(EntryIds.of(post("content/posts/oracy/index.md", "Oracy", Map.of()), site))
                .isEqualTo(EntryIds.of(post("content/posts/oracy.md", "Oracy", Map.of()), site));
    }

    @Test
    void frontMatterIdThatIsAUriIsUsedAsItIs() {
        assertThat(EntryIds.of(post("content/posts/oracy.md", "Oracy",
                Map.of("id", "https://old-blog.example/?p=123")), site)).isEqualTo("https://old-blog.example/?p=123");
    }

    @Test
    void frontMatterIdThatIsNotAUriReplacesTheFilePart() {
        assertThat(EntryIds.of(post("content/posts/renamed.md", "Oracy", Map.of("id", "oracy-2024")), site))
                .isEqualTo("tag:example.org,2024-03-05:/cpd/oracy-2024");
    }

    @Test
    void percentEncodesCharactersATagUriCannotHold() {
        assertThat(EntryIds.of(post("content/posts/Gŵyl haf.md", "Gŵyl", Map.of()), site))
                .isEqualTo("tag:example.org,2024-03-05:/cpd/posts/G%C5%B5yl%20haf");
    }

    @Test
    void sourceKeyDropsContentFolderExtensionAndIndex() {
        assertThat(EntryIds.sourceKey(Path.of("content/posts/2024/a.markdown"))).isEqualTo("posts/2024/a");
        assertThat(EntryIds.sourceKey(Path.of("content/pages/about/index.md"))).isEqualTo("pages/about");
    }

    @Test
    void isTheSameUnderATurkishDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Site upper = FeedFixtures.site(java.util.List.of(), "https://INDIGO.EXAMPLE/cpd/");
            assertThat(EntryIds.of(post("content/posts/INDEX-İ.md", "I", Map.of()), upper))
                    .isEqualTo("tag:indigo.example,2024-03-05:/cpd/posts/INDEX-%C4%B0");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
