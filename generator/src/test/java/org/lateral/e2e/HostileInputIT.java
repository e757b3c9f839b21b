package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/**
 * Front matter and settings that used to crash the build (exit 3, a stack trace) are positioned
 * errors a teacher can act on (exit 1).
 */
class HostileInputIT {

    @TempDir
    Path tmp;

    static Stream<Arguments> hostileFrontMatter() {
        String longName = "a".repeat(5000);
        return Stream.of(
                Arguments.of("url with ../", "url: /../../outside/\n", "content/posts/p.md"),
                Arguments.of("url with //host/", "url: //evil.example/x/\n", "content/posts/p.md"),
                Arguments.of("url with NUL", "url: \"/a\\0b/\"\n", "content/posts/p.md"),
                Arguments.of("image with NUL", "image: \"a\\0.png\"\n", "content/posts/p.md"),
                Arguments.of("image with a lone surrogate", "image: \"a\\uD800.png\"\n", "content/posts/p.md"),
                Arguments.of("layout //", "layout: //\n", "content/posts/p.md"),
                Arguments.of("layout NUL", "layout: \"po\\0st\"\n", "content/posts/p.md"),
                Arguments.of("slug of 5000 characters", "slug: " + longName + "\n", "content/posts/p.md"),
                Arguments.of("url of the marker", "url: /.lateral-output\n", "content/posts/p.md"),
                Arguments.of("a YAML alias", "series: &t Oracy\nsummary: *t\n", "content/posts/p.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrontMatter")
    void hostileFrontMatterIsAPositionedError(String name, String line, String file) {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\n-- " + file + " --\n---\ntitle: P\ndate: 2024-03-05\n"
                + line + "---\nHello.\n");
        assertPositionedError(site, file);
    }

    static Stream<Arguments> hostileSites() {
        String longName = "b".repeat(5000);
        return Stream.of(
                Arguments.of("permalink with ../", "-- site.yaml --\ntitle: T\npermalinks:\n  posts: /../../:slug/\n"
                        + "-- content/posts/p.md --\n---\ntitle: P\ndate: 2024-03-05\n---\nx\n", "site.yaml"),
                Arguments.of("permalink to the marker", "-- site.yaml --\ntitle: T\npermalinks:\n  pages: /.lateral-output/:slug\n"
                        + "-- content/pages/p.md --\n---\ntitle: P\n---\nx\n", "site.yaml"),
                Arguments.of("a language that is a path", "-- site.yaml --\ntitle: T\nlanguage: ../../x\n"
                        + "-- i18n/en.yaml --\nolder: Older\n-- x.yaml --\nolder: Outside\n", "site.yaml"),
                Arguments.of("a YAML alias in site.yaml", "-- site.yaml --\ntitle: &t T\ndescription: *t\n", "site.yaml"),
                Arguments.of("content/posts is a file", "-- site.yaml --\ntitle: T\n-- content/posts --\nx\n",
                        "content/posts"),
                Arguments.of("static is a file", "-- site.yaml --\ntitle: T\n-- static --\nx\n", "static"),
                Arguments.of("templates is a file", "-- site.yaml --\ntitle: T\n-- templates --\nx\n", "templates"),
                Arguments.of("title of 5000 characters and no name to slug", "-- site.yaml --\ntitle: T\n"
                        + "-- content/posts/2024-03-05-.md --\n---\ntitle: " + longName + "\n---\nx\n",
                        "content/posts/2024-03-05-.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSites")
    void hostileSitesArePositionedErrors(String name, String spec, String file) {
        Path site = TestSites.inline(tmp, spec);
        assertPositionedError(site, file);
    }

    static void assertPositionedError(Path site, String file) {
        Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site)));
        assertThat(t).as("a LateralException, not a crash").isInstanceOf(LateralException.class);
        LateralException e = (LateralException) t;
        assertThat(e.problems()).filteredOn(Problem::isError).isNotEmpty()
                .allSatisfy(p -> assertThat(p.hint()).isNotBlank())
                .anySatisfy(p -> assertThat(p.file()).isEqualTo(Path.of(file)));
        assertThat(Files.exists(site.resolve("public/index.html"))).isFalse();
    }
}
