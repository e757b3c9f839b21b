package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Console;
import org.lateral.testing.TestSites;

/** {@code lateral new site DIR --theme school}: a starter site with the school theme and its options to fill in. */
class NewSiteThemeTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final Console console = new Console();

    @Test
    void aNewSiteWithTheSchoolThemeBuildsWithItsHeaderAndProgramme() throws Exception {
        Path site = tmp.resolve("school");
        assertThat(Main.run("new", "site", site.toString(), "--theme", "school")).isZero();
        String yaml = TestSites.read(site.resolve("site.yaml"));
        assertThat(yaml).contains("theme:\n  name: school\n  school: \"Our school\"\n  crest: \"\"\n")
                .doesNotContain("theme: default");
        assertThat(Main.run("build", site.toString())).isZero();
        assertThat(console.err()).doesNotContain("option");
        var home = Jsoup.parse(site.resolve("public/index.html").toFile(), "UTF-8");
        assertThat(home.select("header.school-header .school-name").text()).isEqualTo("Our school");
        assertThat(home.select("main h2").eachText()).contains("Latest staff reflections");
    }

    @Test
    void anUnknownThemeIsAnErrorWithTheNearestAndWritesNothing() {
        Path site = tmp.resolve("school");
        assertThat(Main.run("new", "site", site.toString(), "--theme", "shcool")).isEqualTo(1);
        assertThat(console.err()).contains("there is no theme \"shcool\" to start a site with")
                .contains("did you mean school?");
        assertThat(site).doesNotExist();
    }
}
