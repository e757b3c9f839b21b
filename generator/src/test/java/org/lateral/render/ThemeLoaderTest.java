package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.testing.TestSites;

/** Theme resolution: extends chains, the order templates are found in, options, and what goes wrong. */
class ThemeLoaderTest {

    @TempDir
    Path tmp;

    private final ClassLoader classes = getClass().getClassLoader();

    @Test
    void aThemeExtendsAThemeThatExtendsTheDefaultAndTheChainIsFoundInOrder() {
        Path site = TestSites.inline(tmp, """
                -- themes/child/theme.yaml --
                name: child
                description: A child.
                extends: themes/mid
                options:
                  crest: crest.svg
                -- themes/child/templates/post.ftlh --
                child
                -- themes/child/static/css/extra.css --
                p {}
                -- themes/mid/theme.yaml --
                extends: default
                options:
                  crest: ""
                  motto: Learning together
                -- themes/mid/templates/page.ftlh --
                mid
                """);
        Theme theme = ThemeLoader.load("child", site, classes);
        assertThat(theme.chain()).extracting(Theme::name).containsExactly("child", "themes/mid", "default");
        assertThat(theme.description()).isEqualTo("A child.");
        assertThat(theme.templateLayers()).extracting(l -> l.shown().toString())
                .containsExactly("themes/child/templates", "themes/mid/templates", "theme \"default\"/templates");
        // static files: the default theme's first, the child's last (a file of the same name replaces its parent's)
        assertThat(theme.staticDirs()).hasSize(2);
        assertThat(theme.staticDirs().get(1)).isEqualTo(site.resolve("themes/child/static"));
        // options: the parent's declared defaults, the child's replacing them, the default theme's under both
        assertThat(theme.options()).containsEntry("crest", "crest.svg").containsEntry("motto", "Learning together")
                .containsKey("accent");
    }

    @Test
    void theSiteTemplatesComeFirstThenTheThemeThenItsParent() {
        Path site = TestSites.inline(tmp, """
                -- templates/a.ftlh --
                site <#include "partials/b.ftlh">
                -- themes/child/theme.yaml --
                extends: themes/mid
                -- themes/child/templates/a.ftlh --
                child
                -- themes/child/templates/partials/b.ftlh --
                child-b <#include "c.ftlh">
                -- themes/mid/theme.yaml --
                name: mid
                -- themes/mid/templates/partials/b.ftlh --
                mid-b
                -- themes/mid/templates/partials/c.ftlh --
                mid-c ${theme.name}
                """);
        Theme theme = ThemeLoader.load("child", site, classes);
        TemplateRenderer r = new TemplateRenderer(site, theme, Locale.UK, ZoneId.of("UTC"),
                Strings.load(theme, site, "en", Locale.UK));
        assertThat(r.render("a.ftlh", Map.of()).strip()).isEqualTo("site child-b mid-c child");
    }

    @Test
    void aStringWithArgumentsIsFilledInAlikeEachTimeAndFromManyThreads() throws Exception {
        Path site = TestSites.inline(tmp, """
                -- themes/child/theme.yaml --
                extends: default
                -- themes/child/templates/x.ftlh --
                x
                -- themes/child/i18n/en.yaml --
                count: "{0} posts by {1}, isn't it"
                shaped: "{0,number,#} and {1} of {0}"
                """);
        Strings strings = Strings.load(ThemeLoader.load("child", site, classes), site, "en", Locale.UK);
        assertThat(strings.get("count", 1234, "Ana")).isEqualTo("1,234 posts by Ana, isn't it");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                all.add(pool.submit(() -> strings.get("count", n, "Ana " + n)));
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).get()).isEqualTo(
                        new java.text.MessageFormat("{0} posts by {1}, isn''t it", Locale.UK).format(new Object[] {i, "Ana " + i}));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(strings.get("count")).isEqualTo("{0} posts by {1}, isn't it"); // no arguments: as written
        assertThat(strings.get("shaped", 12345, 2.5)).isEqualTo("12345 and 2.5 of 12,345"); // a format of its own kept
        assertThat(strings.get("count", new java.math.BigDecimal("1234.5"), 7L)).isEqualTo("1,234.5 posts by 7, isn't it");
    }

    @Test
    void aParentThemesWordsAreUnderItsOwn() {
        Path site = TestSites.inline(tmp, """
                -- themes/child/theme.yaml --
                extends: default
                -- themes/child/templates/x.ftlh --
                x
                -- themes/child/i18n/en.yaml --
                search: Find
                """);
        Theme theme = ThemeLoader.load("child", site, classes);
        Strings strings = Strings.load(theme, site, "en", Locale.UK);
        assertThat(strings.get("search")).isEqualTo("Find");
        assertThat(strings.find("skip_to_content")).isPresent(); // the default theme's
    }

    @Test
    void themesThatExtendEachOtherInACircleAreOneErrorAtTheExtendsLine() {
        Path site = TestSites.inline(tmp, """
                -- themes/a/theme.yaml --
                name: a
                extends: themes/b
                -- themes/a/templates/x.ftlh --
                x
                -- themes/b/theme.yaml --
                name: b
                description: B.
                extends: themes/a
                -- themes/b/templates/x.ftlh --
                x
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> ThemeLoader.load("themes/a", site, classes));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "themes/b/theme.yaml:3:10: error: the themes extend each other in a circle (\"themes/a\" extends"
                        + " \"themes/b\" extends \"themes/a\"), so no template could ever be found — fix: remove this"
                        + " extends: line, or make one of them extend default; a folder theme that extends the"
                        + " built-in default must not be called default itself");
    }

    @Test
    void aThemeExtendingItselfIsACircleToo() {
        Path site = TestSites.inline(tmp, """
                -- themes/a/theme.yaml --
                extends: a
                -- themes/a/templates/x.ftlh --
                x
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> ThemeLoader.load("a", site, classes));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("themes/a/theme.yaml"));
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("in a circle (\"a\" extends \"a\")");
        });
    }

    @Test
    void anUnknownParentIsAnErrorAtItsLineWithTheNearestTheme() {
        Path site = TestSites.inline(tmp, """
                -- themes/mine/theme.yaml --
                name: mine
                extends: defualt
                -- themes/mine/templates/x.ftlh --
                x
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> ThemeLoader.load("mine", site, classes));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "themes/mine/theme.yaml:2:10: error: the theme \"mine\" extends \"defualt\", but there is no theme of"
                        + " that name — fix: did you mean `default`? write extends: default, or the folder of a theme"
                        + " (relative to the site) that holds a templates/ folder");
    }

    @Test
    void aTypoInThemeYamlIsAnErrorWithTheKey() {
        Path site = TestSites.inline(tmp, """
                -- themes/mine/theme.yaml --
                extend: default
                license: MIT
                -- themes/mine/templates/x.ftlh --
                x
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> ThemeLoader.load("mine", site, classes));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "themes/mine/theme.yaml:1:1: error: theme.yaml has no setting \"extend\"; did you mean `extends`?"
                        + " — fix: rename it to extends");
    }

    @Test
    void theSitesOptionsGoOverTheDeclaredDefaultsAndAnUndeclaredOneWarnsAtItsLine() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Cwm Eithin
                theme:
                  name: mine
                  crest: crest.svg
                  acent: "#1d6b57"
                -- themes/mine/theme.yaml --
                extends: default
                options:
                  crest: ""
                  school: Our school
                -- themes/mine/templates/x.ftlh --
                ${theme.name} ${theme.crest} ${theme.school} ${theme.acent}
                """);
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(site, warnings);
        assertThat(config.theme()).isEqualTo("mine");
        assertThat(config.themeOptions()).containsExactly(Map.entry("crest", "crest.svg"),
                Map.entry("acent", "#1d6b57"));
        warnings.clear();
        Theme theme = ThemeLoader.load(config, site, classes, warnings);
        assertThat(theme.options()).containsEntry("crest", "crest.svg").containsEntry("school", "Our school")
                .containsEntry("accent", "");
        assertThat(warnings).extracting(Problem::format).containsExactly(
                "site.yaml:5:3: warning: the theme \"mine\" has no option \"acent\", so no template reads it — fix:"
                        + " did you mean `accent`?");
        TemplateRenderer r = new TemplateRenderer(site, theme, Locale.UK, ZoneId.of("UTC"),
                Strings.load(theme, site, "en", Locale.UK));
        assertThat(r.render("x.ftlh", Map.of()).strip()).isEqualTo("mine crest.svg Our school #1d6b57");
    }

    @Test
    void theAccentsReadableShadesReachTemplatesFromTheSiteOrFromTheThemesDefaultWithoutWarnings() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                theme: { name: themes/warm, accent: "#1d6b57" }
                -- themes/warm/theme.yaml --
                options:
                  accent: "#ffd166"
                -- themes/warm/templates/x.ftlh --
                ${theme.accent} ${theme.accentText}
                """);
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(site, warnings);
        warnings.clear();
        Theme theme = ThemeLoader.load(config, site, classes, warnings);
        assertThat(warnings).isEmpty(); // accentText, onAccent… are the accent's, not options the theme lacks
        TemplateRenderer r = new TemplateRenderer(site, theme, Locale.UK, ZoneId.of("UTC"),
                Strings.load(theme, site, "en", Locale.UK));
        assertThat(r.render("x.ftlh", Map.of()).strip()).isEqualTo("#1d6b57 #1d6b57");

        TestSites.write(site.resolve("site.yaml"), "title: T\ntheme: themes/warm\n");
        Theme byDefault = ThemeLoader.load(SiteConfigLoader.load(site, warnings), site, classes, warnings);
        String text = (String) byDefault.options().get("accentText");
        assertThat(org.lateral.config.ThemeOptions.contrast(Integer.parseInt(text.substring(1), 16),
                Integer.parseInt(org.lateral.config.ThemeOptions.LIGHT_BACKGROUND.substring(1), 16)))
                .isGreaterThanOrEqualTo(4.5);
        assertThat(byDefault.options()).containsEntry("accent", "#ffd166").containsKeys("accentDark", "onAccent");
    }

    @Test
    void aThemeNameOnItsOwnStillWorksAndAThemeWithoutOptionsSaysSo() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                theme: { name: themes/bare, logo: logo.svg }
                -- static/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                -- themes/bare/templates/x.ftlh --
                x
                """);
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(site, warnings);
        warnings.clear();
        ThemeLoader.load(config, site, classes, warnings);
        assertThat(warnings).extracting(Problem::format).containsExactly(
                "site.yaml:2:29: warning: the theme \"themes/bare\" has no option \"logo\", so no template reads it"
                        + " — fix: this theme has no options; remove the line");
    }

    /** A copy of the default theme's templates in the site's themes/mine, without {@code without}. */
    private Path siteWithACopiedTheme(String without) throws IOException {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Missing
                baseUrl: https://missing.example/
                theme: mine
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-03-05
                tags: [oracy]
                ---
                Hello.
                -- content/pages/about.md --
                ---
                title: About
                ---
                About.
                """);
        Path from = ThemeLoader.load("default", site, classes).templates();
        Path to = site.resolve("themes/mine/templates");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(f).toString();
                if (!rel.equals(without)) {
                    TestSites.write(to.resolve(rel), Files.readString(f));
                }
            }
        }
        return site;
    }

    @Test
    void aThemeMissingATemplateItsKindsNeedFailsOnceNamingItAndWhatNeedsIt() throws IOException {
        Path site = siteWithACopiedTheme("term.ftlh");
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "themes/mine/templates/term.ftlh: error: the theme \"mine\" has no template term.ftlh, which the"
                        + " \"term\" pages need (the first: the tag \"oracy\") — fix: add templates/term.ftlh to the"
                        + " site or to the theme, or write extends: default in the theme's theme.yaml so that the"
                        + " default theme's term.ftlh is used");
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void aThemeMissingThePartialEveryPageImportsFailsOnceAtTheFirstImport() throws IOException {
        Path site = siteWithACopiedTheme("partials/layout.ftlh");
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.file().toString()).startsWith("themes/mine/templates/");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("the template partials/layout.ftlh that this template imports cannot be"
                    + " found in the site's templates/ folder or in the theme \"mine\"");
            assertThat(p.hint()).contains("add templates/partials/layout.ftlh", "extends: default");
        });
    }

    @Test
    void aThemeThatExtendsTheDefaultNeedsOnlyWhatItChanges() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Small theme
                theme: mine
                -- themes/mine/theme.yaml --
                extends: default
                -- themes/mine/templates/post.ftlh --
                <!DOCTYPE html><html lang="en"><title>${page.title}</title><p class="mine">${page.title}</p></html>
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-03-05
                tags: [oracy]
                ---
                Hello.
                """);
        Lateral.build(BuildRequest.of(site));
        assertThat(TestSites.read(site.resolve("public/2024/03/a/index.html"))).contains("<p class=\"mine\">A</p>");
        assertThat(TestSites.read(site.resolve("public/tags/oracy/index.html"))).contains("<main");
        assertThat(site.resolve("public/css/style.css")).exists();
    }
}
