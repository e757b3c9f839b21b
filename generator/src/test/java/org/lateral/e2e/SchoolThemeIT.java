package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The school theme ({@code theme: school}) end to end, on a small school site built on 1 March
 * 2030: the school's name and crest in the header, the programme-style home page (what is coming
 * up, the project under way, the latest staff reflections), the default theme's pages for the rest
 * (the school theme extends it), one template replaced by the site's own {@code templates/}, and a
 * theme folder of the site's that extends the default theme.
 */
class SchoolThemeIT {

    static final Instant BUILT = Instant.parse("2030-03-01T12:00:00Z");

    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;

    static final String SITE = """
            -- site.yaml --
            title: Professional learning at Ysgol y Bryn
            description: The staff programme, projects and reflections.
            baseUrl: https://cpd.ysgolybryn.example/
            language: en-GB
            timezone: Europe/London
            theme:
              name: school
              school: Ysgol y Bryn
              crest: crest.svg
              motto: Dysgu gyda'n gilydd
            authors:
              siân: { name: Siân Lloyd }
            menu:
              - { name: Home, url: / }
              - { name: About, url: /about/ }
            -- static/crest.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M1 1h8v5l-4 3-4-3z" fill="#7a1f3d"/></svg>
            -- templates/page.ftlh --
            <#import "partials/layout.ftlh" as layout>
            <@layout.page title=page.title><article class="own-page"><h1>${page.title}</h1>${page.content?no_esc}</article></@layout.page>
            -- content/pages/about.md --
            ---
            title: About the programme
            ---
            How professional learning works here.
            -- content/events/2030-03-20-inset.md --
            ---
            title: "INSET day: feedback that moves learning on"
            start: 2030-03-20
            location: Main hall
            ---
            The whole staff, in school.
            -- content/events/2030-01-10-teachmeet.md --
            ---
            title: A TeachMeet that has been
            start: 2030-01-10T16:00:00
            end: 2030-01-10T17:30:00
            ---
            It went well.
            -- content/posts/2030-01-15-feedback-reflect.md --
            ---
            title: "Feedback, reflect: what our books told us"
            date: 2030-01-15
            authors: [siân]
            series: Feedback that moves learning on
            stage: reflect
            ---
            We looked at books from every department.
            -- content/posts/2030-02-12-feedback-act.md --
            ---
            title: "Feedback, act: whole-class feedback in science"
            date: 2030-02-12
            authors: [siân]
            series: Feedback that moves learning on
            stage: act
            ---
            Whole-class feedback sheets, one per lesson.
            -- content/posts/2030-02-20-coaching.md --
            ---
            title: What coaching taught me
            date: 2030-02-20
            authors: [siân]
            tags: [coaching]
            ---
            A reflection on a term of coaching.
            """;

    @BeforeAll
    static void build() {
        Path site = TestSites.inline(tmp, SITE);
        result = Lateral.build(BuildRequest.of(site).withNow(BUILT));
        out = site.resolve("public");
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theHeaderShowsTheSchoolsCrestNameAndMottoAndTheDefaultMenu() throws IOException {
        Document home = page("index.html");
        Element brand = home.selectFirst("header.school-header a.school-brand[rel=home]");
        assertThat(brand).isNotNull();
        assertThat(brand.selectFirst("img.crest").attr("src")).isEqualTo("crest.svg");
        assertThat(brand.selectFirst("img.crest").attr("alt")).isEmpty(); // the name beside it says it
        assertThat(brand.selectFirst(".school-name").text()).isEqualTo("Ysgol y Bryn");
        assertThat(brand.selectFirst(".site-title").text()).isEqualTo("Professional learning at Ysgol y Bryn");
        assertThat(home.selectFirst(".school-motto").text()).isEqualTo("Dysgu gyda'n gilydd");
        assertThat(home.select("header nav ul.menu li a").eachText()).containsExactly("Home", "About", "Search");
        assertThat(out.resolve("crest.svg")).exists();
        // the school theme's stylesheet after the default theme's, both its own files
        assertThat(home.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("css/style.css",
                "css/school.css");
        assertThat(out.resolve("css/style.css")).exists();
        assertThat(out.resolve("css/school.css")).exists();
        // the same header on every page, the default theme's post page below it
        Document post = page("2030/02/coaching/index.html");
        assertThat(post.select("header.school-header .school-name").text()).isEqualTo("Ysgol y Bryn");
        assertThat(post.select("article h1").text()).isEqualTo("What coaching taught me");
    }

    @Test
    void theHomePageReadsAsTheProgrammeComingUpProjectsUnderWayLatestReflections() throws IOException {
        Document home = page("index.html");
        assertThat(home.select("main h1").eachText()).containsExactly("Professional learning at Ysgol y Bryn");
        assertThat(home.select("main h2").eachText()).containsExactly("Coming up in the programme",
                "Professional learning projects under way", "Latest staff reflections");

        Element events = home.selectFirst("section.programme-events");
        assertThat(events.select("h3").eachText()).containsExactly("INSET day: feedback that moves learning on");
        assertThat(events.select("a[href=events/index.html]").text()).isEqualTo("All events");

        Element projects = home.selectFirst("section.programme-projects");
        assertThat(projects.select(".project-card h3 a").eachText()).containsExactly("Feedback that moves learning on");
        assertThat(projects.select(".project-card .stage-step.done").eachText())
                .containsExactly("Reflect: written", "Act: written");
        assertThat(projects.select(".project-card .stage-step:not(.done)").eachText())
                .containsExactly("Review: to come");
        assertThat(projects.select("a[href=projects/index.html]")).hasSize(1);

        Element reflections = home.selectFirst("section.h-feed.programme-reflections");
        assertThat(reflections.select("article.h-entry h3").eachText()).containsExactly("What coaching taught me",
                "Feedback, act: whole-class feedback in science", "Feedback, reflect: what our books told us");
    }

    @Test
    void theSitesOwnTemplateReplacesTheThemesForThatPageOnly() throws IOException {
        Document about = page("about/index.html");
        assertThat(about.select("article.own-page h1").text()).isEqualTo("About the programme");
        assertThat(about.select("header.school-header .school-name").text()).isEqualTo("Ysgol y Bryn");
        assertThat(page("index.html").select("article.own-page")).isEmpty();
    }

    @Test
    void everyPageIsValidHtmlAndNothingComesFromAnotherSite() throws IOException {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
        assertThat(result.warnings()).noneMatch(p -> p.message().contains("option"));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".css")).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContainPattern("(src|href)=\"(https?:)?//(?!cpd\\.ysgolybryn)")
                        .doesNotContainPattern("@import|url\\(\\s*['\"]?(https?:)?//");
            }
        }
    }

    @Test
    void aThemeFolderOfTheSitesOwnExtendsTheDefaultChangingOnlyTheHomePage(@TempDir Path other) throws IOException {
        Path built = TestSites.built(other, """
                -- site.yaml --
                title: Mine
                baseUrl: https://mine.example/
                theme: { name: themes/mine, banner: Welcome }
                -- themes/mine/theme.yaml --
                name: mine
                extends: default
                options:
                  banner: Hello
                -- themes/mine/templates/home.ftlh --
                <#import "partials/layout.ftlh" as layout>
                <@layout.page title=site.title><h1 class="mine">${theme.banner}</h1><#list paginator.items as p><@layout.summary post=p/></#list></@layout.page>
                -- themes/mine/static/css/style.css --
                body { color: #111; }
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-03-05
                ---
                Hello.
                """);
        Document home = Jsoup.parse(built.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.select("h1.mine").text()).isEqualTo("Welcome");
        assertThat(home.select("article.h-entry h2").text()).isEqualTo("A");
        assertThat(Jsoup.parse(built.resolve("2024/03/a/index.html").toFile(), "UTF-8").select("a.site-title").text())
                .isEqualTo("Mine"); // the default theme's header
        assertThat(Files.readString(built.resolve("css/style.css"))).isEqualTo("body { color: #111; }\n");
        assertThat(built.resolve("js/search.js")).exists();
    }
}
