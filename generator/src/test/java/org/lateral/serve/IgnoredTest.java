package org.lateral.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IgnoredTest {

    final Path site = Path.of("/sites/journal");
    final Ignored ignored = new Ignored(site, site.resolve("target/lateral-serve"));

    @Test
    void editorsDebrisIsNoChange() {
        for (String name : new String[] {"post.md~", ".post.md.swp", ".post.md.swo", ".post.md.swx", "4913",
            "#post.md#", ".#post.md", "post.md.bck", "post.md.tmp", ".DS_Store", "Thumbs.db", ".~lock.post.md#",
            ".goutputstream-ABC123", "post.md.crswap"}) {
            assertThat(ignored.file(site.resolve("content/posts").resolve(name))).as(name).isTrue();
        }
        for (String name : new String[] {"post.md", "about.md", "style.css", "photo.jpg", "4913.md", "swp.md"}) {
            assertThat(ignored.file(site.resolve("content/posts").resolve(name))).as(name).isFalse();
        }
    }

    @Test
    void onlyTheFoldersAndFileABuildReadsAreWatched() {
        for (String dir : new String[] {"content", "static/css", "templates/partials", "themes/mine", "i18n", "data"}) {
            assertThat(ignored.folder(site.resolve(dir))).as(dir).isFalse();
        }
        for (String dir : new String[] {"public", "target", "target/lateral-serve/site", ".git", "content/.git",
            "static/node_modules", "src", ".lateral-cache", ".lateral-cache/build"}) {
            assertThat(ignored.folder(site.resolve(dir))).as(dir).isTrue();
        }
        assertThat(ignored.file(site.resolve("site.yaml"))).isFalse();
        assertThat(ignored.file(site.resolve("pom.xml"))).isTrue();
        assertThat(ignored.file(site.resolve("build.log"))).isTrue();
        assertThat(ignored.file(site.resolve("public/index.html"))).isTrue();
    }
}
