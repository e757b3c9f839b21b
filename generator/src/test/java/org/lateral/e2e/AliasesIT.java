package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/** {@code aliases:}: a redirect page at each old address; clashes are errors at the aliases: line. */
class AliasesIT {

    @TempDir
    Path tmp;

    @Test
    void eachOldAddressGetsAValidRedirectPageListedNowhere() {
        Path out = TestSites.built(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/cpd/
                -- content/posts/oracy/index.md --
                ---
                title: Oracy & talk
                date: 2024-06-05
                aliases: [/2015/03/oracy/, "https://old.example/blog/oracy.html", old-style/]
                ---
                Body.
                -- content/posts/draft.md --
                ---
                title: Draft
                date: 2024-06-06
                draft: true
                aliases: [/drafty/]
                ---
                Not yet.
                """);
        Document moved = Html.page(out, "2015/03/oracy/index.html");
        assertThat(moved.select("link[rel=canonical]").attr("href")).isEqualTo("https://example.org/cpd/2024/06/oracy/");
        assertThat(moved.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=../../../2024/06/oracy/index.html");
        assertThat(moved.select("main a").text()).isEqualTo("Oracy & talk");
        assertThat(moved.select("html").attr("lang")).isEqualTo("en");
        assertThat(Html.page(out, "blog/oracy.html").select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=../2024/06/oracy/index.html");
        assertThat(out.resolve("old-style/index.html")).isRegularFile();
        assertThat(out.resolve("drafty")).doesNotExist();
        assertThat(TestSites.read(out.resolve("sitemap.xml"))).doesNotContain("2015/03", "blog/oracy");
        assertThat(TestSites.read(out.resolve("feed.xml"))).doesNotContain("2015/03");
        assertThat(NuHtmlChecker.errors(out.resolve("2015/03/oracy/index.html"))).isEmpty();
    }

    @Test
    void twoPagesClaimingOneOldAddressIsAnErrorAtTheAliasesLine() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                aliases: [/old/]
                ---
                -- content/posts/b.md --
                ---
                title: B
                date: 2024-06-06
                tags: [x]
                aliases:
                  - /old/
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        boolean inB = p.file().toString().endsWith("b.md");
        assertThat(p.line()).isEqualTo(inB ? 5 : 4);
        assertThat(p.format()).contains("the old address /old/ in aliases: is also claimed by an alias in content/posts/"
                + (inB ? "a.md" : "b.md"), "fix: remove it from aliases:");
    }

    @Test
    void anAliasOnARealPageIsAnErrorNamingThePage() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/pages/about.md --
                ---
                title: About
                ---
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                aliases: [/about/]
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(p.file().toString()).endsWith("a.md");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("/about/", "content/pages/about.md");
    }

    @Test
    void anAliasThatLeavesTheSiteIsAnErrorAtItsLine() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                aliases:
                  - /fine/
                  - /../../etc/passwd
                  - /?p=12
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).filteredOn(Problem::isError).extracting(Problem::line).containsExactly(6, 7);
        assertThat(e.problems().get(0).format()).contains("is not a path inside the site", "fix:");
    }
}
