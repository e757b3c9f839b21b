package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * A bilingual site ({@code languages: [en, cy]}, the {@code bilingual} fixture): the Welsh side
 * under {@code /cy/}, translations linking each other, the switcher, the sitemap's alternates,
 * feeds per language, and the mistakes a teacher can make.
 */
class BilingualIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path tmp;

    private Path build() {
        Path site = TestSites.fixture("bilingual", tmp);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        return site.resolve("public");
    }

    @Test
    void theWelshSideHasItsOwnHomePageInWelshAndTheEnglishSideIsAtTheRoot() {
        Path out = build();
        Document cy = Html.page(out, "cy/index.html");
        assertThat(cy.select("html").attr("lang")).isEqualTo("cy");
        assertThat(cy.select(".skip-link").text()).isEqualTo("Neidio i'r cynnwys");
        assertThat(cy.select("main h2 a").eachText()).containsExactly("Cylchoedd llafaredd ym Mlwyddyn 4",
                "Paratoi ar gyfer yr Eisteddfod", "Darllen yn uchel bob dydd");
        assertThat(cy.select("link[rel=canonical]").attr("href")).isEqualTo("https://bryn.example.org/notes/cy/");
        Document en = Html.page(out, "index.html");
        assertThat(en.select("html").attr("lang")).isEqualTo("en");
        assertThat(en.select(".skip-link").text()).isEqualTo("Skip to content");
        assertThat(en.select("main h2 a").eachText()).containsExactly("Oracy circles in Year 4",
                "Exit tickets for retrieval", "Reading aloud every day");
        // each side has its own lists, search index and search page; the 404 page and robots.txt are the site's
        assertThat(out.resolve("cy/tags/llafaredd/index.html")).isRegularFile();
        assertThat(out.resolve("tags/llafaredd")).doesNotExist();
        assertThat(out.resolve("cy/archive/2026/index.html")).isRegularFile();
        assertThat(out.resolve("cy/search/index.html")).isRegularFile();
        assertThat(TestSites.read(out.resolve("cy/search-index.json"))).contains("darllen-yn-uchel")
                .doesNotContain("exit-tickets");
        assertThat(out.resolve("cy/404.html")).doesNotExist();
        assertThat(out.resolve("cy/robots.txt")).doesNotExist();
        // static files and the menu are the whole site's
        assertThat(cy.select("link[rel=stylesheet]").attr("href")).isEqualTo("../css/style.css");
        assertThat(Html.page(out, "cy/search/index.html").select("script[src]").attr("src"))
                .isEqualTo("../../js/search.js");
        assertThat(cy.select("nav.language-switcher + nav .menu a").first().attr("href")).isEqualTo("../about/index.html");
    }

    @Test
    void translationsLinkEachOtherBothWaysWithHreflangAndAVisibleLink() {
        Path out = build();
        Document en = Html.page(out, "2026/03/oracy-circles/index.html");
        Document cy = Html.page(out, "cy/2026/03/oracy-circles/index.html");
        Map<String, String> pair = Map.of("en", "https://bryn.example.org/notes/2026/03/oracy-circles/",
                "cy", "https://bryn.example.org/notes/cy/2026/03/oracy-circles/",
                "x-default", "https://bryn.example.org/notes/2026/03/oracy-circles/");
        assertThat(hreflangs(en)).isEqualTo(pair);
        assertThat(hreflangs(cy)).isEqualTo(pair);
        Element toWelsh = en.selectFirst("p.translations a");
        assertThat(toWelsh.text()).isEqualTo("Darllen yn Gymraeg");
        assertThat(toWelsh.attr("lang")).isEqualTo("cy");
        assertThat(toWelsh.attr("hreflang")).isEqualTo("cy");
        assertThat(Html.linkTarget(out, "2026/03/oracy-circles/index.html", toWelsh.attr("href")))
                .isEqualTo(out.resolve("cy/2026/03/oracy-circles/index.html"));
        Element toEnglish = cy.selectFirst("p.translations a");
        assertThat(toEnglish.text()).isEqualTo("Read in English");
        assertThat(toEnglish.attr("lang")).isEqualTo("en");
        // a translationKey pairs files of different names; pages are translated too
        assertThat(hreflangs(Html.page(out, "2026/01/reading-aloud/index.html")))
                .containsEntry("cy", "https://bryn.example.org/notes/cy/2026/01/darllen-yn-uchel/");
        assertThat(hreflangs(Html.page(out, "cy/about/index.html")))
                .containsEntry("en", "https://bryn.example.org/notes/about/");
        // a post in one language only has no alternates and no translation link
        Document only = Html.page(out, "cy/2026/02/eisteddfod-ysgol/index.html");
        assertThat(hreflangs(only)).isEmpty();
        assertThat(only.select("p.translations")).isEmpty();
    }

    @Test
    void theSwitcherLeadsToTheTranslationElseToTheOtherSidesHomePage() {
        Path out = build();
        Element onPost = Html.page(out, "2026/03/oracy-circles/index.html").selectFirst("header nav.language-switcher");
        assertThat(onPost.attr("aria-label")).isEqualTo("Languages");
        assertThat(onPost.select("[aria-current]").attr("lang")).isEqualTo("en");
        Element cymraeg = onPost.selectFirst("a");
        assertThat(cymraeg.text()).isEqualTo("Cymraeg");
        assertThat(cymraeg.attr("lang")).isEqualTo("cy");
        assertThat(cymraeg.attr("hreflang")).isEqualTo("cy");
        assertThat(cymraeg.attr("href")).isEqualTo("../../../cy/2026/03/oracy-circles/index.html");
        Element untranslated = Html.page(out, "2026/02/exit-tickets/index.html").selectFirst("nav.language-switcher a");
        assertThat(untranslated.attr("href")).isEqualTo("../../../cy/index.html");
        Element fromWelshHome = Html.page(out, "cy/index.html").selectFirst("nav.language-switcher");
        assertThat(fromWelshHome.attr("aria-label")).isEqualTo("Ieithoedd");
        assertThat(fromWelshHome.selectFirst("a").text()).isEqualTo("English");
        assertThat(fromWelshHome.selectFirst("a").attr("href")).isEqualTo("../index.html");
    }

    @Test
    void theSitemapListsBothSidesWithTheirAlternates() {
        Path out = build();
        Document map = Html.xml(out, "sitemap.xml");
        assertThat(map.select("loc").eachText()).contains("https://bryn.example.org/notes/",
                "https://bryn.example.org/notes/cy/", "https://bryn.example.org/notes/cy/2026/02/eisteddfod-ysgol/");
        Element welsh = map.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals("https://bryn.example.org/notes/cy/2026/03/oracy-circles/"))
                .findFirst().orElseThrow();
        assertThat(welsh.getElementsByTag("xhtml:link").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")))
                .containsExactly("en https://bryn.example.org/notes/2026/03/oracy-circles/",
                        "cy https://bryn.example.org/notes/cy/2026/03/oracy-circles/",
                        "x-default https://bryn.example.org/notes/2026/03/oracy-circles/");
        assertThat(TestSites.read(out.resolve("sitemap.xml"))).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        assertThat(TestSites.read(out.resolve("robots.txt"))).contains("https://bryn.example.org/notes/sitemap.xml");
    }

    @Test
    void eachSideHasItsOwnFeedsInItsLanguage() throws Exception {
        Path out = build();
        SyndFeed cy = feed(out.resolve("cy/feed.xml"));
        assertThat(Html.xml(out, "cy/feed.xml").selectFirst("feed").attr("xml:lang")).isEqualTo("cy");
        assertThat(cy.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Cylchoedd llafaredd ym Mlwyddyn 4", "Paratoi ar gyfer yr Eisteddfod", "Darllen yn uchel bob dydd");
        assertThat(Html.xml(out, "cy/feed.xml").select("feed > link[rel=alternate][type=text/html]").attr("href"))
                .isEqualTo("https://bryn.example.org/notes/cy/");
        SyndFeed rss = feed(out.resolve("cy/rss.xml"));
        assertThat(rss.getLanguage()).isEqualTo("cy");
        SyndFeed en = feed(out.resolve("feed.xml"));
        assertThat(en.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Oracy circles in Year 4", "Exit tickets for retrieval", "Reading aloud every day");
        assertThat(feed(out.resolve("cy/tags/llafaredd/feed.xml")).getEntries()).hasSize(1);
        assertThat(TestSites.read(out.resolve("cy/feed.json"))).contains("\"language\" : \"cy\"");
    }

    @Test
    void everyPageOfBothSidesIsValidHtml() {
        Path out = build();
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aLangNotInLanguagesIsAnErrorAtItsLine() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                languages: [en, cy]
                -- content/posts/bonjour.md --
                ---
                title: Bonjour
                date: 2026-01-01
                lang: fr
                ---
                Salut.
                """);
        LateralException e = catchThrowableOfType(() -> Lateral.build(BuildRequest.of(site)), LateralException.class);
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(p.file().toString()).endsWith("bonjour.md");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("lang: fr is not one of the site's languages");
        assertThat(p.hint()).contains("lang: cy").contains("add fr to languages:");
    }

    @Test
    void twoPostsOfOneLanguageClaimingOneTranslationKeyIsAnError() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                languages: [en, cy]
                -- content/posts/a.cy.md --
                ---
                title: A
                date: 2026-01-01
                translationKey: oracy
                ---
                -- content/posts/b.md --
                ---
                title: B
                date: 2026-01-02
                lang: cy
                translationKey: oracy
                ---
                """);
        LateralException e = catchThrowableOfType(() -> Lateral.build(BuildRequest.of(site)), LateralException.class);
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).contains("Welsh (cy) version of translationKey: oracy");
        assertThat(p.hint()).contains("another translationKey:");
    }

    @Test
    void languageAndLanguagesThatDisagreeIsAnErrorAtLanguages() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                language: cy
                languages: [en, cy]
                """);
        LateralException e = catchThrowableOfType(() -> Lateral.build(BuildRequest.of(site)), LateralException.class);
        Problem p = e.problems().get(0);
        assertThat(p.file().toString()).endsWith("site.yaml");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("languages: starts with \"en\", but language: (line 3) says \"cy\"");
        assertThat(p.hint()).contains("languages: [cy, ");
    }

    @Test
    void aWelshFileOnAOneLanguageSiteIsWarnedAboutAndPublishedAsBefore() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/oracy.cy.md --
                ---
                title: Llafaredd
                date: 2026-01-01
                ---
                Testun.
                """);
        BuildResult r = Lateral.build(BuildRequest.of(site));
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.file().toString()).endsWith("oracy.cy.md");
            assertThat(w.message()).contains("site.yaml has no languages:");
            assertThat(w.hint()).contains("add languages: [en, cy] to site.yaml");
        });
        assertThat(site.resolve("public/2026/01/oracy-cy/index.html")).isRegularFile();
        assertThat(site.resolve("public/cy")).doesNotExist();
    }

    @Test
    void anEditedWelshPostReRendersItsSideOnlyAndEndsAsACleanBuild() throws IOException {
        Path site = TestSites.fixture("bilingual", tmp);
        BuildSession session = Lateral.session();
        session.build(BuildRequest.of(site).withNow(NOW));
        Path welsh = site.resolve("content/posts/eisteddfod-ysgol.md");
        Files.writeString(welsh, Files.readString(welsh).replace("bob bore", "bob **bore**"));
        BuildResult edited = session.build(BuildRequest.of(site).withNow(NOW));
        assertThat(edited.work().incremental()).isTrue();
        // the Welsh post, the Welsh lists and feeds showing it; of the English side only what reads every
        // source (its search index, made again and found unchanged); not the sitemap
        assertThat(edited.work().renderedOutputs()).containsExactlyInAnyOrder(
                "cy/2026/02/eisteddfod-ysgol/index.html", "cy/index.html", "cy/tags/eisteddfod/index.html",
                "cy/authors/sjones/index.html", "cy/archive/2026/index.html", "cy/archive/2026/02/index.html",
                "cy/archive/academic/2025-26/index.html", "cy/search-index.json", "cy/search-index.js",
                "cy/feed.xml", "cy/rss.xml", "cy/feed.json",
                "cy/tags/eisteddfod/feed.xml", "cy/tags/eisteddfod/rss.xml", "cy/tags/eisteddfod/feed.json",
                "cy/authors/sjones/feed.xml", "cy/authors/sjones/rss.xml", "cy/authors/sjones/feed.json",
                "search-index.json", "search-index.js"); // not the sitemap: no address or date changed
        assertThat(TestSites.read(site.resolve("public/cy/2026/02/eisteddfod-ysgol/index.html")))
                .contains("<strong>bore</strong>");
        Path fresh = tmp.resolve("fresh");
        Lateral.build(BuildRequest.of(site).withNow(NOW).withOutput(fresh));
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(fresh));
    }

    @Test
    void checkFindsNothingToFixOnABilingualSite() {
        Path site = TestSites.fixture("bilingual", tmp);
        CheckResult r = Lateral.check(CheckRequest.of(site).withNow(NOW));
        assertThat(r.findings()).isEmpty();
        assertThat(r.pages()).isGreaterThan(30);
    }

    private static Map<String, String> hreflangs(Document d) {
        Map<String, String> out = new TreeMap<>();
        d.select("head link[rel=alternate][hreflang]").forEach(l -> out.put(l.attr("hreflang"), l.attr("href")));
        return out;
    }

    private static SyndFeed feed(Path file) throws Exception {
        return new SyndFeedInput().build(new StringReader(TestSites.read(file)));
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
