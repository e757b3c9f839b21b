package org.lateral.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void aFolderWritesItsIndexAndItsPagesAndFeedsSitBelowIt() {
        Address tag = Address.ofUrl("https://example.org", "/cpd/", "/cpd/tags/oracy/");
        assertThat(tag.permalink()).isEqualTo("https://example.org/cpd/tags/oracy/");
        assertThat(tag.outputPath()).isEqualTo("tags/oracy/index.html");
        assertThat(tag.outputDir()).isEqualTo("tags/oracy/");
        assertThat(tag.page(1)).isEqualTo(tag);
        assertThat(tag.page(3).url()).isEqualTo("/cpd/tags/oracy/page/3/");
        assertThat(tag.page(3).outputPath()).isEqualTo("tags/oracy/page/3/index.html");
        assertThat(tag.resolve("feed.xml").outputPath()).isEqualTo("tags/oracy/feed.xml");
        assertThat(tag.resolve("feed.xml").permalink()).isEqualTo("https://example.org/cpd/tags/oracy/feed.xml");
        assertThat(tag.relativeFrom("2024/03/x/index.html")).isEqualTo("../../../tags/oracy/index.html");
    }

    @Test
    void theRootAndAFileHaveTheirOwnFolders() {
        Address root = Address.ofPath("https://hub.example", "/net/", "");
        assertThat(root.url()).isEqualTo("/net/");
        assertThat(root.outputPath()).isEqualTo("index.html");
        assertThat(root.outputDir()).isEmpty();
        assertThat(root.page(2).outputPath()).isEqualTo("page/2/index.html");
        Address about = Address.ofPath("https://example.org", "/", "/blog/about.html");
        assertThat(about.outputPath()).isEqualTo("blog/about.html");
        assertThat(about.outputDir()).isEqualTo("blog/");
        assertThat(about.resolve("photo.jpg").url()).isEqualTo("/blog/photo.jpg");
        assertThat(Address.folder("/x/", "https://e.org/x/", "x/")).isEqualTo(Address.ofPath("https://e.org", "/", "/x/"));
    }

    @Test
    void anAddressOutsideTheBasePathIsRefused() {
        assertThatThrownBy(() -> Address.ofUrl("https://example.org", "/cpd/", "/other/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/cpd/");
    }
}
