package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.testing.TestSites;

public class TemplateRendererTest {

    @TempDir
    Path tmp;

    public record Item(String title, Optional<String> image) {
    }

    private TemplateRenderer renderer(String name, String template) {
        TestSites.write(tmp.resolve("templates").resolve(name), template);
        Theme theme = ThemeLoader.load("default", tmp, getClass().getClassLoader());
        Strings strings = Strings.load(theme, tmp, "en", Locale.UK);
        return new TemplateRenderer(tmp, theme, Locale.UK, ZoneId.of("Europe/London"), strings);
    }

    @Test
    void escapesEverythingByDefaultAndReadsRecordComponentsAsProperties() {
        TemplateRenderer r = renderer("t.ftlh", "<p>${item.title}</p><#if item.image??>img</#if>");
        String html = r.render("t.ftlh", Map.of("item", new Item("<b>Bold</b> & \"quotes\"", Optional.empty())));
        assertThat(html).isEqualTo("<p>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quotes&quot;</p>");
        assertThat(r.render("t.ftlh", Map.of("item", new Item("x", Optional.of("a.png"))))).endsWith("img");
    }

    @Test
    void newAndApiBuiltInsAreRefused() {
        TemplateRenderer r = renderer("evil.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        LateralException e = catchThrowableOfType(LateralException.class, () -> r.render("evil.ftlh", Map.of()));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(Path.of("templates/evil.ftlh")));
        TemplateRenderer r2 = renderer("api.ftlh", "${item?api.getClass()}");
        assertThat(catchThrowableOfType(LateralException.class,
                () -> r2.render("api.ftlh", Map.of("item", new Item("x", Optional.empty()))))).isNotNull();
    }

    @Test
    void templateErrorsNameTheTemplateAndLine() {
        TemplateRenderer r = renderer("post.ftlh", "<h1>ok</h1>\n<p>\n${page.nosuchthing}</p>\n");
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> r.render("post.ftlh", Map.of("page", new Item("x", Optional.empty()))));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("templates/post.ftlh:3:");
            assertThat(p.hint()).contains("${x!}");
        });
    }

    @Test
    void syntaxErrorsNameTheTemplateAndLine() {
        TemplateRenderer r = renderer("home.ftlh", "<h1>x</h1>\n<#if true>\nno end\n");
        LateralException e = catchThrowableOfType(LateralException.class, () -> r.render("home.ftlh", Map.of()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("templates/home.ftlh"));
            assertThat(p.line()).isGreaterThan(0);
            assertThat(p.message()).contains("cannot be read");
        });
    }

    @Test
    void themeStringsAndDatesFollowTheLanguage() {
        TestSites.write(tmp.resolve("templates/s.ftlh"), "${t('tags')}|${t('post_count', 3)}");
        Theme theme = ThemeLoader.load("default", tmp, getClass().getClassLoader());
        TemplateRenderer cy = new TemplateRenderer(tmp, theme, Locale.forLanguageTag("cy"), ZoneId.of("UTC"),
                Strings.load(theme, tmp, "cy", Locale.forLanguageTag("cy")));
        assertThat(cy.render("s.ftlh", Map.of())).isEqualTo("Tagiau|3 cofnod");
    }
}
