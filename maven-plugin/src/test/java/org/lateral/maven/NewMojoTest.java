package org.lateral.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.maven.AbstractLateralMojoTest.RecordingLog;

class NewMojoTest {

    @TempDir
    Path root;

    private NewMojo mojo(String what, String title, Path site) {
        NewMojo mojo = new NewMojo();
        mojo.what = what;
        mojo.title = title;
        mojo.siteDir = site.toFile();
        mojo.executionRoot = root.toFile();
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    @Test
    void createsAStarterSiteAndThenAPostInIt() throws Exception {
        Path site = root.resolve("my-cpd-blog");

        mojo("site", null, site).execute();
        mojo("post", "Learning walk", site).execute();

        assertThat(Files.readString(site.resolve("site.yaml"))).contains("My CPD journal");
        assertThat(site.resolve("content/posts/learning-walk.md")).isRegularFile();
    }

    @Test
    void aPostWithoutATitleIsTheUsersMistakeAndSaysHowToFixIt() {
        assertThatThrownBy(mojo("post", " ", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dlateral.title=");
    }

    @Test
    void somethingOtherThanASiteOrAPostIsRefused() {
        assertThatThrownBy(mojo("blog", "x", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dlateral.new=post, -Dlateral.new=reflection, -Dlateral.new=event or -Dlateral.new=site");
    }

    @Test
    void createsAReflectionInTheModelAskedFor() throws Exception {
        Path site = root.resolve("my-cpd-blog");
        mojo("site", null, site).execute();
        NewMojo reflection = mojo("reflection", "After the learning walk", site);
        reflection.model = "kolb";
        reflection.execute();
        assertThat(Files.readString(site.resolve("content/posts/after-the-learning-walk.md")))
                .contains("reflection: kolb", "## Concrete experience", "## Active experimentation");
    }

    @Test
    void createsAnEventFromTheArchetype() throws Exception {
        Path site = root.resolve("my-cpd-blog");
        mojo("site", null, site).execute();
        mojo("event", "TeachMeet North", site).execute();
        try (java.util.stream.Stream<Path> events = Files.list(site.resolve("content/events"))) {
            Path file = events.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-teachmeet-north\\.md");
            assertThat(Files.readString(file)).contains("title: \"TeachMeet North\"", "\nstart: ", "\nend: 17:30\n",
                    "\nlocation: ");
        }
    }

    @Test
    void anEventWithoutATitleSaysHowToFixIt() {
        assertThatThrownBy(mojo("event", null, root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dlateral.new=event -Dlateral.title=");
    }

    @Test
    void aPostOutsideASiteIsAProblemInTheUsersInputAndTheFixIsInMavensWords() {
        assertThatThrownBy(mojo("post", "Learning walk", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("error: there is no site.yaml in")
                .hasMessageContaining("mvn lateral:new -Dlateral.new=site")
                .hasMessageNotContaining("lateral new site");
    }

    @Test
    void aSiteStartsBesideTheReadmesPomXml() throws Exception {
        String pom = "<project><modelVersion>4.0.0</modelVersion></project>";
        Files.writeString(root.resolve("pom.xml"), pom);
        Files.createDirectories(root.resolve(".git"));

        mojo("site", "Cwm Eithin CPD", root).execute();

        assertThat(Files.readString(root.resolve("site.yaml"))).contains("title: \"Cwm Eithin CPD\"");
        assertThat(Files.readString(root.resolve("pom.xml"))).isEqualTo(pom);
    }

    @Test
    void aSiteIsNotStartedAmongSomeoneElsesFiles() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("plan.md"), "Autumn term");

        assertThatThrownBy(mojo("site", null, root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("already exists and holds files")
                .hasMessageContaining("-Dlateral.siteDir=");
        assertThat(root.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void aSiteWithTheSchoolThemeHasItsOptionsToFillIn() throws Exception {
        Path site = root.resolve("school-cpd");
        NewMojo mojo = mojo("site", "Ysgol Cwm Eithin CPD", site);
        mojo.theme = "school";
        mojo.execute();

        assertThat(Files.readString(site.resolve("site.yaml")))
                .contains("theme:\n  name: school\n  school: \"Our school\"\n  crest: \"\"\n")
                .doesNotContain("theme: default");
    }

    @Test
    void anUnknownThemeNamesTheThemesThereAreInMavensWordsAndWritesNothing() {
        Path site = root.resolve("school-cpd");
        NewMojo mojo = mojo("site", null, site);
        mojo.theme = "schol";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("there is no theme \"schol\" to start a site with;"
                        + " the themes Lateral ships are default and school")
                .hasMessageContaining("did you mean school?")
                .hasMessageContaining("-Dlateral.theme=school")
                .hasMessageNotContaining("--theme");
        assertThat(site).doesNotExist();
    }
}
