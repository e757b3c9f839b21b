package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.testing.TestSites;

/**
 * Small files built to exhaust the stack, memory or time of a build stop it with a positioned
 * error, or build as they should; none can make a build run without bound. (The timeouts are a
 * safety net for the test run, not assertions about speed: the unclosed-tag files took hours
 * when each unclosed tag made a regular expression read the rest of the post.)
 */
class MarkdownBombsIT {

    @TempDir
    Path tmp;

    private Path site(String body, String extraFrontMatter) {
        return TestSites.inline(tmp, "-- site.yaml --\ntitle: T\n-- content/posts/bomb.md --\n---\ntitle: Bomb\n"
                + "date: 2024-03-05\n" + extraFrontMatter + "---\n" + body);
    }

    static Stream<Arguments> bombs() {
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            indented.append("  ".repeat(i)).append("- x\n");
        }
        return Stream.of(
                Arguments.of("2,000 nested quotes", "Intro.\n\n" + ">".repeat(2000) + " x\n", 7, "nested more than"),
                Arguments.of("1,000 nested list markers", "Intro.\n\n" + "- ".repeat(1000) + "x\n", 7, "nested more than"),
                Arguments.of("1,000 indented lists", indented.toString(), 0, "nested more than"),
                Arguments.of("nested pictures", "![".repeat(3000) + "x" + "](u)".repeat(3000) + "\n", 5, "nested more than"),
                Arguments.of("1,800 columns", "|" + "a|".repeat(1800) + "\n|" + "-|".repeat(1800) + "\n"
                        + "|x|\n".repeat(3000), 6, "1800 columns"),
                Arguments.of("too many cells", "|" + "a|".repeat(50) + "\n|" + "-|".repeat(50) + "\n"
                        + "|x|\n".repeat(3000), 6, "cells"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    @Timeout(120)
    void aBombIsAPositionedError(String name, String body, int line, String message) {
        Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site(body, ""))));
        assertThat(t).isInstanceOf(LateralException.class);
        assertThat(((LateralException) t).problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("content/posts/bomb.md"));
            if (line > 0) {
                assertThat(p.line()).isEqualTo(line);
            } else {
                assertThat(p.line()).isGreaterThan(5);
            }
            assertThat(p.message()).contains(message);
            assertThat(p.hint()).isNotBlank();
        });
    }

    @Test
    @Timeout(120)
    void aPostOverFiveMegabytesIsAPositionedError() {
        Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site("word ".repeat(1_100_000), ""))));
        assertThat(t).isInstanceOf(LateralException.class);
        assertThat(((LateralException) t).problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 5 MB"));
    }

    @Test
    @Timeout(120)
    void unclosedScriptTagsInAnHtmlBlockBuild() {
        Lateral.build(BuildRequest.of(site("<div>\n" + "<script ".repeat(250_000) + "\n\nAfter.\n", "")));
        assertThat(TestSites.read(tmp.resolve("site/public/search-index.json"))).contains("after");
    }

    @Test
    @Timeout(120)
    void unclosedHeadingsWithATableOfContentsBuild() throws Exception {
        Lateral.build(BuildRequest.of(site("## Real heading\n\n" + "<h2 id=\"x\">".repeat(150_000) + "\n", "toc: true\n")));
        var doc = Jsoup.parse(Files.readString(tmp.resolve("site/public/2024/03/bomb/index.html")));
        assertThat(doc.select("h2#real-heading")).hasSize(1);
    }

    @Test
    @Timeout(120)
    void unclosedPictureTagsInAnHtmlBlockBuild() {
        Lateral.build(BuildRequest.of(site("<div>\n" + "<img ".repeat(250_000) + "\n\nAfter.\n", "")));
        assertThat(TestSites.read(tmp.resolve("site/public/2024/03/bomb/index.html"))).contains("After.");
    }

    @Test
    @Timeout(120)
    void aConversionPastItsDeadlineStopsTheBuildNamingTheFile() {
        String before = System.getProperty(MarkdownRenderer.TIMEOUT_PROPERTY);
        System.setProperty(MarkdownRenderer.TIMEOUT_PROPERTY, "1");
        try {
            // commonmark-java looks for a closing > after each <, so this takes a moment (quadratic)
            Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site("<a href=\"".repeat(8000), ""))));
            assertThat(t).isInstanceOf(LateralException.class);
            assertThat(((LateralException) t).problems()).filteredOn(Problem::isError).singleElement()
                    .satisfies(p -> {
                        assertThat(p.file()).isEqualTo(Path.of("content/posts/bomb.md"));
                        assertThat(p.message()).contains("took longer than");
                    });
        } finally {
            if (before == null) {
                System.clearProperty(MarkdownRenderer.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(MarkdownRenderer.TIMEOUT_PROPERTY, before);
            }
        }
    }
}
