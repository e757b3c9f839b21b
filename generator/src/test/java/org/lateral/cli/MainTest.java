package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Console;
import org.lateral.testing.TestSites;

class MainTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final Console console = new Console();

    @Test
    void newSiteNewPostAndBuildExitZeroWithASummary() {
        Path site = tmp.resolve("blog");
        assertThat(Main.run("new", "site", site.toString())).isZero();
        assertThat(Main.run("new", "post", "My first reflection", "--site", site.toString())).isZero();
        assertThat(Main.run("build", site.toString(), "--profile")).isZero();
        assertThat(console.out()).contains("Built ").contains("3 posts").contains("markdown");
        assertThat(site.resolve("public/index.html")).exists();
    }

    @Test
    void newPostWithBundleMakesAFolderForThePostAndItsPictures() throws Exception {
        Path site = tmp.resolve("blog");
        assertThat(Main.run("new", "site", site.toString())).isZero();
        assertThat(Main.run("new", "post", "Our science fair", "--bundle", "--site", site.toString())).isZero();
        try (var posts = java.nio.file.Files.list(site.resolve("content/posts"))) {
            assertThat(posts.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-our-science-fair")))
                    .singleElement().satisfies(dir -> assertThat(dir.resolve("index.md")).isRegularFile());
        }
        assertThat(console.out()).contains("-our-science-fair").contains("index.md");
    }

    @Test
    void buildingAHubFolderIsAnErrorThatSaysToAggregate() {
        Path hub = TestSites.inline(tmp, """
                -- site.yaml --
                title: Cwm Valley network
                baseUrl: https://network.example.org/
                hub:
                  members:
                    - { name: Ann Teacher, feed: "https://ann.example/feed.xml" }
                -- content/pages/about.md --
                ---
                title: About
                ---
                About the network.
                """);
        assertThat(Main.run("build", hub.toString())).isEqualTo(1);
        String err = this.console.err();
        assertThat(err).contains("site.yaml:3:1: error:").contains("is a hub").contains("fix: run lateral aggregate");
        assertThat(err).doesNotContain("Exception");
        assertThat(hub.resolve("public")).doesNotExist();
    }

    @Test
    void contentErrorsExitOneWithFileLineMessages() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: someday
                ---
                """);
        assertThat(Main.run("build", site.toString())).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(console.err())
                .contains("content/posts/a.md:3:7: error: the date \"someday\" cannot be read — fix: ")
                .contains("nothing was written");
    }

    @Test
    void theSummaryListsScheduledPostsWithTheirGoLiveTimeAndCountsDrafts() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                timezone: Europe/London
                -- content/posts/now.md --
                ---
                title: Now
                date: 2024-01-01
                ---
                -- content/posts/later.md --
                ---
                title: Later
                date: 2099-09-01 08:30
                ---
                -- content/posts/draft.md --
                ---
                title: Draft
                date: 2024-01-02
                draft: true
                ---
                """);
        assertThat(Main.run("build", site.toString())).isZero();
        assertThat(console.out())
                .contains("scheduled: content/posts/later.md (\"Later\") goes live Tue 1 Sept 2099 08:30 BST")
                .contains("1 draft skipped").contains("1 scheduled");
    }

    @Test
    void picocliReadsOnlyTheCommandTheLineNamesAndEveryCommandOtherwise() {
        assertThat(Main.commandLine("build", "site", "--profile").getSubcommands().keySet()).containsExactly("build");
        assertThat(Main.commandLine("new", "site", "x").getSubcommands().keySet()).containsExactly("new");
        assertThat(Main.commandLine("new", "site", "x").getSubcommands().get("new").getSubcommands()).containsKey("site");
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"watch"}, {"-h", "build"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactly("build", "serve", "aggregate", "new", "publish", "check", "cpd", "import", "digest");
        }
        assertThat(Main.run("--help")).isZero();
        assertThat(console.out()).contains("build").contains("digest").contains("aggregate");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Main.run("build", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(Main.run("frobnicate")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheCommandsThatExistEvenWithHelp() {
        for (String[] args : new String[][] {{"watch"}, {"watch", "--help"}, {"--help", "watch"}, {"watch", "-h"}}) {
            console.reset();
            assertThat(Main.run(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(console.err()).as(String.join(" ", args))
                    .contains("error: \"watch\" is not a command of lateral — fix: use one of: build, serve, aggregate, new");
            assertThat(console.out()).as(String.join(" ", args)).doesNotContain("Usage:");
        }
        console.reset();
        assertThat(Main.run("new", "page", "--help")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("\"page\" is not a command of lateral new — fix: use one of: site, post");
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {"build", "--help"}, {"new", "site", "--help"},
            {"new", "post", "--help"}, {"serve", "--help"}, {"--version"}, {"build", "--version"}}) {
            assertThat(Main.run(args)).as(String.join(" ", args)).isZero();
        }
        assertThat(console.out()).contains("--drafts").contains("--no-drafts").contains("--poll").contains("Lateral ").contains("Exit codes");
    }

    @Test
    void versionNamesTheBuildAndTheJavaInUse() {
        assertThat(Main.run("--version")).isZero();
        // target/classes holds the build.properties the Maven build wrote: its time, and its commit where git is
        assertThat(console.out()).containsPattern("Lateral \\S+ \\((commit [0-9a-f]{7,}, )?built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ\\)")
                .contains("Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
    }

    @Test
    void aggregateHelpListsItsExitCodes() {
        assertThat(Main.run("aggregate", "--help")).isZero();
        assertThat(console.out()).contains("lateral aggregate [-hV] [--profile] [-o=DIR] [--project-dir=DIR]")
                .contains("--allow-address=ADDR").contains("--project-dir=DIR")
                .contains("4   no feed at all could be read (nothing written; the previous hub is kept)");
    }

    @Test
    void aggregateWithoutAHubSectionExitsOne() {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\nbaseUrl: https://example.org/\n");
        assertThat(Main.run("aggregate", site.toString())).isEqualTo(1);
        assertThat(console.err()).contains("site.yaml: error: site.yaml has no hub: section");
    }

    @Test
    void eachWarningIsReportedOnceInTheResultAndOnTheConsole() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-01-01
                ---
                ![](missing.png)
                """);
        org.lateral.BuildResult result = org.lateral.Lateral.build(org.lateral.BuildRequest.of(site));
        assertThat(result.warnings()).extracting(org.lateral.Problem::message)
                .filteredOn(m -> m.contains("missing.png")).isNotEmpty().doesNotHaveDuplicates();
        assertThat(result.warnings()).doesNotHaveDuplicates();

        assertThat(Main.run("build", site.toString())).isZero();
        String printed = console.out() + console.err();
        List<String> warningLines = printed.lines().filter(l -> l.contains(": warning: ")).toList();
        assertThat(warningLines).isNotEmpty().doesNotHaveDuplicates();
        assertThat(warningLines).anySatisfy(l -> assertThat(l).startsWith("content/posts/a.md:5"));
    }

    @Test
    void cpdPrintsAYearAndWritesAnExportOutsideTheSite() throws Exception {
        Path site = TestSites.fixture("cpd-record", tmp);
        assertThat(Main.run("cpd", site.toString(), "--year", "2024-25")).isZero();
        String printed = console.out();
        assertThat(printed).startsWith("Professional learning 2024-25: 11 hours, 5 activities (goal 35 hours: 31 %)")
                .contains("Autumn term: 9.75 hours", "2024-11-06  2.5 h  learning round  Learning round: oracy in Year 8  [TS4, TS8]")
                .doesNotContain("Jordan");
        Path csv = tmp.resolve("export/cpd-2024-25.csv");
        assertThat(Main.run("cpd", site.toString(), "--year", "2024-25", "--private", "--format", "csv", "-o", csv.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readString(csv)).contains("Supervision with my line manager about Jordan");
        assertThat(console.out()).contains("Wrote " + csv + " (2024-25, 12 hours)");
        assertThat(Main.run("cpd", site.toString(), "--year", "1999-00")).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(console.err()).contains("the record has no activities in the academic year \"1999-00\"");
    }

    @Test
    void newReflectionListsItsModelsAndWritesOne() {
        Path site = tmp.resolve("site");
        assertThat(Main.run("new", "site", site.toString())).isZero();
        assertThat(Main.run("new", "reflection", "--list", "--site", site.toString())).isZero();
        assertThat(console.out()).contains(
                "gibbs        Gibbs' reflective cycle: Description → Feelings → Evaluation → Analysis → Conclusion → Action plan",
                "brookfield   Brookfield's four lenses:");
        assertThat(Main.run("new", "reflection", "Questioning in Year 8", "--model", "driscoll", "--site", site.toString()))
                .isZero();
        assertThat(TestSites.read(site.resolve("content/posts/questioning-in-year-8.md"))).contains("reflection: driscoll",
                "## So what?");
        assertThat(Main.run("build", site.toString())).isZero();
    }
}
