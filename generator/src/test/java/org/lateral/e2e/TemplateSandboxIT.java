package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/**
 * Templates see plain values only: a template that tries to reach the file system or the JVM
 * through the model fails at its line, and nothing happens.
 */
class TemplateSandboxIT {

    @TempDir
    Path tmp;

    static Stream<String> escapes() {
        return Stream.of(
                "${page.source.toAbsolutePath()}",
                "${page.source.toAbsolutePath().getFileSystem().getPath(\"CANARY\").toFile().delete()?c}",
                "<#list page.source.toAbsolutePath().getRoot().toFile().listFiles() as f>${f}</#list>",
                "${page.getClass().getName()}",
                "${page.kind.getDeclaringClass().getName()}",
                "${page.date.getZone().getRules().getClass()}",
                "${site.config.getClass()}",
                "<#assign t = \"$\"+\"{page.title}\"><#assign x = t?interpret><@x/>",
                "<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"touch CANARY2\")}",
                "${page.resources?api.size()}");
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void anEscapeFailsAtItsLineAndDoesNothing(String escape) throws IOException {
        Path canary = tmp.resolve("canary.txt");
        Files.writeString(canary, "still here");
        String body = escape.replace("CANARY2", tmp.resolve("created.txt").toString())
                .replace("CANARY", canary.toString());
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                -- content/posts/p.md --
                ---
                title: P
                date: 2024-03-05
                ---
                Hello.
                -- templates/post.ftlh --
                <p>first line</p>
                """ + body + "\n");
        Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site)));
        assertThat(t).isInstanceOf(LateralException.class);
        assertThat(((LateralException) t).problems()).filteredOn(Problem::isError)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(Path.of("templates/post.ftlh"));
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isPositive();
                });
        assertThat(canary).hasContent("still here");
        assertThat(tmp.resolve("created.txt")).doesNotExist();
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void pathsAreTextAndTheModelStillReads() {
        Path out = TestSites.built(tmp, """
                -- site.yaml --
                title: T
                -- content/posts/p.md --
                ---
                title: P
                date: 2024-03-05
                ---
                Hello.
                -- templates/post.ftlh --
                <p id="source">${page.source}</p><p id="title">${page.title}</p><p id="time">${page.readingTime()}</p>
                """);
        var doc = Jsoup.parse(TestSites.read(out.resolve("2024/03/p/index.html")));
        assertThat(doc.getElementById("source").text()).isEqualTo("content/posts/p.md");
        assertThat(doc.getElementById("title").text()).isEqualTo("P");
        assertThat(doc.getElementById("time").text()).isNotBlank();
    }

    @Test
    void aTemplateLinkedFromOutsideTheSiteIsRefused() throws IOException {
        Path outside = tmp.resolve("outside.ftlh");
        Files.writeString(outside, "<p>from elsewhere</p>\n");
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                -- content/posts/p.md --
                ---
                title: P
                date: 2024-03-05
                ---
                Hello.
                """);
        Files.createDirectories(site.resolve("templates"));
        try {
            Files.createSymbolicLink(site.resolve("templates/post.ftlh"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make symbolic links");
        }
        Throwable t = catchThrowable(() -> Lateral.build(BuildRequest.of(site)));
        assertThat(t).isInstanceOf(LateralException.class);
        assertThat(((LateralException) t).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(Path.of("templates/post.ftlh"));
            assertThat(p.message()).contains("outside the templates/ folder");
        });
    }
}
