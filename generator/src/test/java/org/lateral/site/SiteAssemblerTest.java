package org.lateral.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.config.SiteConfig;
import org.lateral.content.ContentLoader;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.testing.TestSites;

class SiteAssemblerTest {

    @TempDir
    Path tmp;

    private SiteAssembler.Assembled assemble(SiteConfig config, boolean drafts, boolean future, String files) {
        Path site = TestSites.inline(tmp, files);
        ContentLoader.Loaded loaded = new ContentLoader(site, config.timezone()).load();
        assertThat(loaded.problems()).isEmpty();
        MarkdownRenderer md = new MarkdownRenderer();
        return new SiteAssembler(config, new SiteAssembler.Options(drafts, future, Instant.parse("2024-06-01T12:00:00Z")))
                .assemble(loaded.sources(), (s, toc) -> md.render(s.body(), toc), Map.of());
    }

    private static final String POSTS = """
            -- content/posts/2024-05-01-old-style-name.md --
            ---
            title: Dated by its file name
            tags: [Oracy]
            ---
            x
            -- content/posts/draft.md --
            ---
            title: Not yet
            date: 2024-05-02
            draft: true
            ---
            x
            -- content/posts/scheduled.md --
            ---
            title: Next week
            date: 2024-06-08 09:00
            ---
            x
            -- content/posts/expired.md --
            ---
            title: Gone
            date: 2024-01-01
            expiryDate: 2024-02-01
            ---
            x
            -- content/posts/custom/index.md --
            ---
            title: "Learning walk: Year 9"
            date: 2024-05-20
            slug: learning-walk
            tags: [oracy, Lesson Study]
            authors: [Aisha Rahman]
            image: walk.jpg
            ---
            x
            -- content/posts/custom/walk.jpg --
            jpg
            """;

    @Test
    void taxonomiesKeepTheirOrderSoTheSitemapIsTheSameEveryBuild() {
        // Map.copyOf iterates in an order that changes from one JVM to the next: the sitemap
        // listed categories before or after tags at random
        for (int i = 0; i < 20; i++) {
            java.util.Map<String, org.lateral.taxonomy.Taxonomy> given = new java.util.LinkedHashMap<>();
            Site base = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, POSTS).site();
            given.put("z" + i, base.tags());
            given.put("tags", base.tags());
            given.put("categories", base.categories());
            given.put("a" + i, base.categories());
            Site site = Site.withoutExtras(base.config(), base.posts(), base.pages(), given, base.authors(),
                    base.postsByAuthor(), base.data(), base.buildTime());
            assertThat(site.taxonomies().keySet()).containsExactly("z" + i, "tags", "categories", "a" + i);
        }
    }

    @Test
    void permalinksUseThePatternsAndTheBasePath() {
        SiteConfig config = SiteConfig.defaults("T", "https://me.github.io/cpd/");
        Site site = assemble(config, false, false, POSTS).site();
        assertThat(site.posts()).extracting(Page::url)
                .containsExactly("/cpd/2024/05/learning-walk/", "/cpd/2024/05/old-style-name/");
        Page walk = site.posts().get(0);
        assertThat(walk.permalink()).isEqualTo("https://me.github.io/cpd/2024/05/learning-walk/");
        assertThat(walk.outputPath()).isEqualTo("2024/05/learning-walk/index.html");
        assertThat(walk.image()).contains("/cpd/2024/05/learning-walk/walk.jpg");
        assertThat(walk.resources()).extracting(p -> p.getFileName().toString()).containsExactly("walk.jpg");
        assertThat(walk.authors()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Aisha Rahman");
            assertThat(a.url()).isEqualTo("/cpd/authors/aisha-rahman/");
        });
    }

    @Test
    void draftsScheduledAndExpiredPostsAreLeftOutAndListed() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, POSTS);
        assertThat(a.site().posts()).extracting(Page::title)
                .containsExactly("Learning walk: Year 9", "Dated by its file name");
        assertThat(a.skipped()).extracting(s -> s.title() + ":" + s.reason())
                .containsExactlyInAnyOrder("Not yet:DRAFT", "Next week:SCHEDULED", "Gone:EXPIRED");
        assertThat(a.skipped()).filteredOn(s -> s.reason() == SiteAssembler.Skipped.Reason.SCHEDULED)
                .singleElement().satisfies(s -> assertThat(s.goesLive().get().getDayOfMonth()).isEqualTo(8));
    }

    @Test
    void flagsBringThemBack() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), true, true, POSTS);
        assertThat(a.site().posts()).hasSize(5);
        assertThat(a.skipped()).isEmpty();
    }

    @Test
    void tagsAreGroupedBySlugWhateverTheirCase() {
        Site site = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, POSTS).site();
        assertThat(site.tags().terms()).extracting(t -> t.slug() + "=" + t.count())
                .containsExactly("lesson-study=1", "oracy=2");
        assertThat(site.tags().term("oracy").get().url()).isEqualTo("/tags/oracy/");
    }

    @Test
    void missingTitleAndDateAreProblemsOnTheirFile() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, """
                -- content/posts/untitled.md --
                ---
                tags: [x]
                ---
                x
                """);
        assertThat(a.problems()).extracting(p -> p.format())
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/untitled.md:1:1: error: this post has no title"))
                .anySatisfy(f -> assertThat(f).contains("this post has no date"));
        assertThat(List.copyOf(a.site().posts())).isEmpty();
    }

    @Test
    void expandsPermalinkTokens() {
        assertThat(SiteAssembler.expand("/:year/:month/:day/:slug/", Map.of("year", "2024", "month", "03",
                "day", "05", "slug", "oracy"))).isEqualTo("/2024/03/05/oracy/");
        assertThat(SiteAssembler.expand("blog/:slug.html", Map.of("slug", "x"))).isEqualTo("/blog/x.html");
        assertThat(SiteAssembler.outputPath("/blog/x.html")).isEqualTo("blog/x.html");
    }

    @Test
    void theSeriesIndexIsTheFolderAboveEachSeries() {
        assertThat(SiteAssembler.seriesIndexPath("/series/:slug/")).isEqualTo("/series/");
        assertThat(SiteAssembler.seriesIndexPath("/projects/series/:slug/")).isEqualTo("/projects/series/");
        assertThat(SiteAssembler.seriesIndexPath("/:slug-series/")).isEqualTo("/series/");
    }

    @Test
    void missingPicturesAndPicturesWithoutADescriptionAreWarnings() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, """
                -- content/posts/flat.md --
                ---
                title: Flat
                date: 2024-01-01
                ---
                Intro.

                ![](missing.png)
                -- content/posts/folder/index.md --
                ---
                title: Folder
                date: 2024-01-02
                image: nothere.jpg
                ---
                ![A talk tally](tally.svg) ![Logo](/img/logo.png)
                -- content/posts/folder/tally.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """);
        assertThat(a.problems()).allSatisfy(p -> assertThat(p.isError()).isFalse());
        assertThat(a.problems()).extracting(p -> p.format())
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/flat.md:7: warning: the picture \"missing.png\" is not beside this post"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/flat.md:7: warning: the picture \"missing.png\" has no description"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/folder/index.md:4: warning: the picture \"nothere.jpg\" named by image:"))
                .hasSize(3);
    }

    @Test
    void aPictureMarkedDecorativeInHtmlIsNotWarnedForHavingNoDescription() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, """
                -- content/posts/folder/index.md --
                ---
                title: Folder
                date: 2024-01-02
                ---
                <img src="rule.svg" alt="">

                <img src="rule.svg" role="presentation">

                <img src="rule.svg">
                -- content/posts/folder/rule.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """);
        assertThat(a.problems()).extracting(p -> p.format())
                .containsExactly("content/posts/folder/index.md:9: warning: the picture \"rule.svg\" has no description,"
                        + " so screen-reader users will miss it — fix: describe it between the square brackets:"
                        + " ![Pupils' talk tally after three weeks](rule.svg); if it is only decoration, write"
                        + " <img src=\"rule.svg\" alt=\"\"> instead");
    }

    @Test
    void eachPictureIsReportedAtItsOwnLineEvenWhenWrittenTwice() {
        var a = assemble(SiteConfig.defaults("T", "https://example.org/"), false, false, """
                -- content/posts/twice.md --
                ---
                title: Twice
                date: 2024-01-01
                ---
                ![](gone.png)

                Some text that runs on
                and shows it again: ![](gone.png)

                <div>
                <p>Raw:</p>
                <img src="gone.png">
                </div>
                """);
        assertThat(a.problems()).extracting(p -> p.format()).filteredOn(f -> f.contains("has no description"))
                .extracting(f -> f.substring(0, f.indexOf(": warning")))
                .containsExactly("content/posts/twice.md:5", "content/posts/twice.md:8", "content/posts/twice.md:12");
        assertThat(a.problems()).extracting(p -> p.format()).filteredOn(f -> f.contains("is not beside"))
                .extracting(f -> f.substring(0, f.indexOf(": warning")))
                .containsExactly("content/posts/twice.md:5", "content/posts/twice.md:8", "content/posts/twice.md:12");
    }

    @Test
    void everyListOfTheSiteIsOneListingInPlanOrder() {
        Site site = assemble(SiteConfig.defaults("T", "https://me.github.io/cpd/"), false, false, POSTS).site();
        List<Listing<Page>> all = Listings.of(site);
        assertThat(all).extracting(l -> l.kind().templateName() + " " + l.address().outputDir()).containsExactly(
                "home ", "taxonomy tags/", "term tags/lesson-study/", "term tags/oracy/",
                "author authors/aisha-rahman/", "authors authors/", "archive archive/", "archivePeriod archive/2024/",
                "archivePeriod archive/2024/05/", "archivePeriod archive/academic/2023-24/");
        Listing<Page> oracy = all.get(3);
        assertThat(oracy.address().permalink()).isEqualTo("https://me.github.io/cpd/tags/oracy/");
        assertThat(oracy.address().page(2).outputPath()).isEqualTo("tags/oracy/page/2/index.html");
        assertThat(oracy.address().relativeFrom("2024/05/x/index.html")).isEqualTo("../../../tags/oracy/index.html");
        assertThat(oracy.hasFeeds()).isTrue();
        assertThat(oracy.feedTitle()).isEqualTo("oracy · T");
        assertThat(oracy.pages()).extracting(Page::title).containsExactly("Learning walk: Year 9", "Dated by its file name");
        assertThat(all.get(0).hasFeeds()).isFalse(); // the site's own feed is not a list feed
        Site lean = site.withConfig(new SiteConfig(site.config().title(), "", site.config().baseUrl(), "en",
                site.config().timezone(), "default", Map.of(), site.config().permalinks(), 10, 10, List.of(),
                site.config().feeds(), Map.of(), java.util.Optional.empty(), 9, true,
                java.util.Set.of("archivePeriod", "listFeeds", "authors")));
        assertThat(Listings.of(lean)).extracting(l -> l.kind().templateName())
                .containsExactly("home", "taxonomy", "term", "term", "archive");
        assertThat(Listings.of(lean)).noneMatch(Listing::hasFeeds);
    }
}
