package org.lateral.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Caller;
import org.lateral.LateralException;
import org.lateral.content.FrontMatterParser;
import org.lateral.testing.TestSites;

class ScaffolderTest {

    @TempDir
    Path tmp;

    @Test
    void newSiteWritesAStarterSiteAndRefusesAFolderInUse() {
        Path site = tmp.resolve("blog");
        var files = Scaffolder.newSite(site, "Mr \"Quoted\" Jones", Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        assertThat(files).contains(site.resolve("site.yaml"), site.resolve("content/posts/teachmeet-reflection/cycle.svg"));
        assertThat(org.lateral.config.SiteConfigLoader.load(site, new java.util.ArrayList<>()).title())
                .isEqualTo("Mr \"Quoted\" Jones");
        assertThat(catchThrowableOfType(LateralException.class,
                () -> Scaffolder.newSite(site, "Again", Instant.now().atZone(ZoneId.of("UTC")))).problems().get(0).message())
                .contains("already exists and holds files");
    }

    @Test
    void aNewSiteIgnoresItsOutputAndBuildCacheInGitButKeepsAProjectsOwnGitignore() throws Exception {
        Path site = tmp.resolve("journal");
        var files = Scaffolder.newSite(site, "Journal", Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        assertThat(files).contains(site.resolve(".gitignore"));
        assertThat(Files.readAllLines(site.resolve(".gitignore"))).contains("public/", ".lateral-cache/");

        Path project = Files.createDirectories(tmp.resolve("own"));
        Files.writeString(project.resolve(".gitignore"), "my-own-rules/\n");
        var kept = Scaffolder.newSite(project, "Own", Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        assertThat(kept).doesNotContain(project.resolve(".gitignore"));
        assertThat(Files.readString(project.resolve(".gitignore"))).isEqualTo("my-own-rules/\n");
    }

    @Test
    void newSiteStartsBesideAPomAndAGitFolderButNotAmongOtherFiles() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("cpd-site"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(project.resolve("README.md"), "# Our CPD site\n");
        Files.createDirectories(project.resolve(".git"));
        Files.createDirectories(project.resolve(".mvn"));
        Scaffolder.newSite(project, "Our CPD", Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        assertThat(project.resolve("site.yaml")).isRegularFile();
        assertThat(TestSites.read(project.resolve("pom.xml"))).isEqualTo("<project/>");
        assertThat(TestSites.read(project.resolve("README.md"))).isEqualTo("# Our CPD site\n");

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("pom.xml"), "<project/>");
        Files.writeString(other.resolve("notes.md"), "mine");
        LateralException e = catchThrowableOfType(LateralException.class, () -> Scaffolder.newSite(other, "T",
                Instant.now().atZone(ZoneId.of("UTC")), Caller.MAVEN));
        assertThat(e.problems().get(0).hint()).contains("mvn lateral:new -Dlateral.new=site -Dlateral.siteDir=")
                .doesNotContain("lateral new site");
        assertThat(other.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void aMissingSiteYamlForANewPostIsExplainedInTheCallersWords() {
        LateralException cli = catchThrowableOfType(LateralException.class,
                () -> Scaffolder.newPost(tmp, "T", Instant.now(), Caller.COMMAND_LINE));
        assertThat(cli.problems().get(0).hint()).contains("inside your site's folder").doesNotContain("mvn");
        LateralException maven = catchThrowableOfType(LateralException.class,
                () -> Scaffolder.newPost(tmp, "T", Instant.now(), Caller.MAVEN));
        assertThat(maven.problems().get(0).hint()).contains("pom.xml", "mvn lateral:new -Dlateral.new=site");
    }

    @Test
    void theStarterSiteYamlShowsHowToSetTheColourAndTheLogoAndTheExampleReadsAsWritten() throws Exception {
        Path site = tmp.resolve("blog");
        Scaffolder.newSite(site, "T", Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        String yaml = Files.readString(site.resolve("site.yaml"));
        assertThat(yaml).contains("# theme: { name: default, accent: \"#1d6b57\", logo: logo.svg }\ntheme: default\n");
        // the note says which # goes (the trial's "without its #" could be read as the colour's) and that it replaces theme:
        assertThat(yaml).contains("in place of the theme: line", "deleting the \"# \" at its start (keep the # of the colour");

        // what the note asks: the line without its #, instead of theme: default, and the picture in static/
        Files.writeString(site.resolve("site.yaml"), yaml.replace("theme: default\n", "").replace("# theme: {", "theme: {"));
        TestSites.write(site.resolve("static/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        java.util.List<org.lateral.Problem> warnings = new java.util.ArrayList<>();
        var config = org.lateral.config.SiteConfigLoader.load(site, warnings);
        assertThat(config.themeOptions()).containsEntry("accent", "#1d6b57").containsEntry("logo", "logo.svg");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTitleWithBackslashesQuotesAndControlCharactersGivesASiteYamlThatReadsBackExactly() {
        String title = "Back\\slash \\\" \"quoted\" C:\\new\ttab";
        Path site = tmp.resolve("blog");
        Scaffolder.newSite(site, title, Instant.parse("2024-03-05T10:00:00Z").atZone(ZoneId.of("UTC")));
        assertThat(org.lateral.config.SiteConfigLoader.load(site, new java.util.ArrayList<>()).title()).isEqualTo(title);
    }

    @Test
    void newPostIsDatedNowInTheSiteTimeZoneAndNeverOverwrites() throws Exception {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\ntimezone: Europe/London\n");
        Path post = Scaffolder.newPost(site, "TeachMeet \"North\": what I took away", Instant.parse("2024-07-01T09:15:00Z"));
        assertThat(post).isEqualTo(site.resolve("content/posts/teachmeet-north-what-i-took-away.md"));
        var parsed = new FrontMatterParser(ZoneId.of("Europe/London")).parse(Files.readString(post), post);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("TeachMeet \"North\": what I took away");
        assertThat(parsed.frontMatter().date().get().getHour()).isEqualTo(10);
        assertThat(catchThrowableOfType(LateralException.class,
                () -> Scaffolder.newPost(site, "TeachMeet North: what I took away", Instant.now()))).isNotNull();
    }

    @Test
    void newPostAsABundleIsAFolderForThePostAndItsPictures() throws Exception {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\ntimezone: Europe/London\n");
        Path post = Scaffolder.newPost(site, "Our science fair", Instant.parse("2024-07-01T23:30:00Z"), true);
        assertThat(post).isEqualTo(site.resolve("content/posts/2024-07-02-our-science-fair/index.md"));
        var parsed = new FrontMatterParser(ZoneId.of("Europe/London")).parse(Files.readString(post), post);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("Our science fair");
        assertThat(Files.readString(post)).contains("![What the picture shows](photo.jpg)");
        assertThat(catchThrowableOfType(LateralException.class,
                () -> Scaffolder.newPost(site, "Our science fair", Instant.parse("2024-07-01T23:30:00Z"), false)))
                .as("the flat post would have the same address").isNotNull();
    }
}
