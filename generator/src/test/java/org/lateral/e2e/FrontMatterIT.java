package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/** What teachers write in front matter reaches the built pages as they meant it, or is reported at its line. */
class FrontMatterIT {

    @TempDir
    Path tmp;

    @Test
    void hashtagsInTheTitleAndTagsArePublished() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/tmnorth.md --
                ---
                title: Reflections on #TMNorth
                date: 2024-06-05            # a date alone is read in the site's timezone
                tags: #oracy #TMNorth
                summary: What I took away   # a note to myself
                ---
                Body.
                """);
        BuildResult result = Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        Document post = Jsoup.parse(TestSites.read(out.resolve("2024/06/tmnorth/index.html")));
        assertThat(post.select("h1").text()).isEqualTo("Reflections on #TMNorth");
        assertThat(post.title()).contains("Reflections on #TMNorth");
        assertThat(out.resolve("tags/oracy/index.html")).exists();
        assertThat(out.resolve("tags/tmnorth/index.html")).exists();
        assertThat(result.warnings()).extracting(Problem::format).singleElement().asString()
                .startsWith("content/posts/tmnorth.md:5:29: warning: the words after # (\"# a note to myself\")");
    }

    @Test
    void aLanguageNameIsRefusedAndATagSetsTheHtmlLang() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                language: Welsh
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                lang: Cymraeg
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).extracting(Problem::format).singleElement().asString()
                .startsWith("site.yaml:3:11: error: \"Welsh\" is not a language code; did you mean `cy`?");
        TestSites.write(site.resolve("site.yaml"), "title: T\nbaseUrl: https://example.org/\nlanguage: cy\n");
        e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).extracting(Problem::format).singleElement().asString()
                .startsWith("content/posts/a.md:4:7: error: \"Cymraeg\" is not a language code; did you mean `cy`?");
        TestSites.write(site.resolve("content/posts/a.md"), "---\ntitle: A\ndate: 2024-06-05\n---\n");
        Lateral.build(BuildRequest.of(site));
        assertThat(Jsoup.parse(TestSites.read(site.resolve("public/index.html"))).select("html").attr("lang")).isEqualTo("cy");
    }

    @Test
    void frontMatterMistakesAreEachReportedAtTheirLine() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                pagination: 5
                -- content/posts/twice.md --
                ---
                title: Twice
                title: Twice again
                date: 5th March
                ---
                -- content/posts/tags.md --
                ---
                title: Tags
                date: 2024-06-05
                tags:
                - oracy
                 - action research
                ---
                -- content/posts/unopened.md --
                title: Unopened
                date: 2024-06-05
                ---
                Body.
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/twice.md:3:1: error: the key \"title\" is written twice"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/twice.md:4:7: error: ").contains("5th March"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/tags.md:6:2: error: this list item of tags"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/unopened.md:1:1: error: the front matter has no opening ---"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:3:1: warning: `pagination` is not a Lateral setting; did you mean `paginate`?"))
                .noneSatisfy(f -> assertThat(f).contains("no title"))
                .doesNotHaveDuplicates();
    }
}
