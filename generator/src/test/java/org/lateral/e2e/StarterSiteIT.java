package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;

/** The site {@code lateral new site} makes builds, and every page passes the Nu HTML Checker. */
class StarterSiteIT {

    @TempDir
    Path tmp;

    @Test
    void starterSiteBuildsIntoValidAccessibleHtml() {
        Path site = tmp.resolve("my-cpd-blog");
        Lateral.newSite(site, "Ms Rahman's CPD journal");
        Lateral.newPost(site, "TeachMeet North: what I took away");

        BuildResult result = Lateral.build(BuildRequest.of(site));

        Path out = site.resolve("public");
        assertThat(result.posts()).isEqualTo(3);
        assertThat(result.pages()).isEqualTo(1);
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();

        Document home = Html.page(out, "index.html");
        assertThat(home.select("h1")).hasSize(1);
        assertThat(home.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(home.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(home.select("main#main")).hasSize(1);
        assertThat(home.select("header nav[aria-label]")).hasSize(1);
        assertThat(home.select("article.post-summary h2 a").eachText())
                .contains("TeachMeet North: what I took away", "Welcome to your CPD blog");
        assertThat(home.select("link[rel=stylesheet]").attr("href")).isEqualTo("css/style.css");
        assertThat(out.resolve("css/style.css")).exists();
        assertThat(home.select("script[src^=http], link[rel=stylesheet][href^=http], img[src^=http]")).isEmpty();
    }

    @Test
    void theBuildLogNamesEachStarterExampleUntilItIsEditedOrDeleted() throws Exception {
        Path site = tmp.resolve("my-cpd-blog");
        Lateral.newSite(site, "Ms Rahman's CPD journal");
        Lateral.newPost(site, "My own first post");

        BuildResult result = Lateral.build(BuildRequest.of(site));

        assertThat(result.warnings()).filteredOn(p -> p.message().contains("starter example"))
                .extracting(p -> p.file().toString().replace('\\', '/'))
                .containsOnly("content/posts/welcome-to-your-cpd-blog.md",
                        "content/posts/teachmeet-reflection/index.md");
        assertThat(result.warnings()).filteredOn(p -> p.message().contains("starter example"))
                .allSatisfy(p -> assertThat(p.format()).contains("delete the line example: true"));
        assertThat(result.warnings()).noneSatisfy(p -> assertThat(p.message()).contains("\"example\""));

        Path welcome = site.resolve("content/posts/welcome-to-your-cpd-blog.md");
        java.nio.file.Files.writeString(welcome, java.nio.file.Files.readString(welcome).replace("example: true\n", ""));
        assertThat(Lateral.build(BuildRequest.of(site)).warnings()).filteredOn(p -> p.message().contains("starter example"))
                .extracting(p -> p.file().getFileName().toString()).containsOnly("index.md");
    }
}
