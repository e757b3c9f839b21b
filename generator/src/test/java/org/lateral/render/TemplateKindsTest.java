package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Problem;
import org.lateral.plan.Kind;
import org.lateral.testing.TestSites;

class TemplateKindsTest {

    @TempDir
    Path tmp;

    @Test
    void aKindThatDoesNotExistIsAnErrorAtItsLineWithTheNearestKind() {
        Path site = TestSites.inline(tmp, """
                -- templates/home.ftlh --
                <p>home</p>
                <#if kind == "terms">x</#if><#if kind! != 'archivePeriod'>y</#if>
                -- themes/mine/templates/post.ftlh --
                <#if kind == "post">ok</#if>
                """);
        Theme theme = new Theme("mine", site.resolve("themes/mine"), "themes/mine");
        assertThat(TemplateKinds.check(theme, site, Kind.templateNames())).extracting(Problem::format).containsExactly(
                "templates/home.ftlh:2:15: error: this template compares kind with \"terms\", which is no kind of page, "
                        + "so it never matches — fix: did you mean \"term\"?");
    }

    @Test
    void theDefaultThemeComparesOnlyWithKindsThatExist() {
        Theme theme = ThemeLoader.load("default", tmp, getClass().getClassLoader());
        assertThat(java.nio.file.Files.isDirectory(theme.templates())).isTrue();
        assertThat(TemplateKinds.check(theme, tmp, Kind.templateNames())).isEmpty();
    }
}
