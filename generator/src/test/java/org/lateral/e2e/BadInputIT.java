package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/**
 * Every kind of bad input is reported — all of them, each with its file, line and a fix — and a
 * failed build leaves the previous output byte for byte as it was.
 */
class BadInputIT {

    @TempDir
    Path tmp;

    Path site;
    Path out;
    Map<String, String> before;

    @BeforeEach
    void goodBuildFirst() throws Exception {
        site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Good site
                baseUrl: https://example.org/
                -- content/posts/fine.md --
                ---
                title: A fine post
                date: 2024-03-05
                tags: [oracy]
                ---
                All good.
                """);
        out = site.resolve("public");
        Lateral.build(BuildRequest.of(site));
        before = snapshot(out);
        assertThat(before).containsKey("2024/03/fine/index.html");
    }

    private LateralException failingBuild() {
        return catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(site)));
    }

    private void assertOutputUnchanged() throws Exception {
        assertThat(snapshot(out)).isEqualTo(before);
        try (Stream<Path> s = Files.list(site)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain(".public.lateral-staging");
        }
    }

    @Test
    void everyContentProblemIsCollectedWithItsPositionAndNothingIsWritten() throws Exception {
        TestSites.write(site.resolve("content/posts/teachmeet.md"), """
                ---
                title: TeachMeet
                date: 2024-03-05
                tags: [a, b
                ---
                """);
        TestSites.write(site.resolve("content/posts/bad-date.md"), "---\ntitle: Bad date\ndate: 5th March\n---\nx\n");
        TestSites.write(site.resolve("content/posts/no-title.md"), "---\ndate: 2024-03-05\n---\nx\n");
        TestSites.write(site.resolve("content/posts/typo.md"), "---\ntitle: Typo\ndate: 2024-03-05\ntgas: [x]\n---\nx\n");
        TestSites.write(site.resolve("content/posts/same-a.md"), "---\ntitle: Same A\ndate: 2024-04-01\nslug: same\n---\nx\n");
        TestSites.write(site.resolve("content/posts/same-b.md"), "---\ntitle: Same B\ndate: 2024-04-02\nslug: same\n---\nx\n");

        LateralException e = failingBuild();

        assertThat(e.problems()).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/teachmeet.md:4:7: error: the [ that starts the tags is never closed — fix: "))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/bad-date.md:3:7: error: the date \"5th March\" cannot be read — fix: "))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/no-title.md:1:1: error: this post has no title — fix: "))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/typo.md:4:1: error: unknown front matter key \"tgas\"; did you mean `tags`?"))
                .anySatisfy(f -> assertThat(f).contains("same-b.md").contains("two pages claim the same address /2024/04/same/"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).isNotBlank());
        assertOutputUnchanged();
    }

    @Test
    void aBrokenTemplateIsNamedWithItsLineAndTheOutputIsKept() throws Exception {
        TestSites.write(site.resolve("templates/post.ftlh"), "<!DOCTYPE html>\n<title>x</title>\n<p>${page.nonsense.deeper}</p>\n");
        LateralException e = failingBuild();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("templates/post.ftlh"));
            assertThat(p.line()).isEqualTo(3);
        });
        assertOutputUnchanged();
    }

    @Test
    void aTemplateSyntaxErrorIsNamedToo() throws Exception {
        TestSites.write(site.resolve("templates/home.ftlh"), "<#list paginator.items as p>\n${p.title}\n");
        LateralException e = failingBuild();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("templates/home.ftlh"));
            assertThat(p.line()).isPositive();
        });
        assertOutputUnchanged();
    }

    @Test
    void aBrokenSiteYamlIsReportedAndTheOutputKept() throws Exception {
        TestSites.write(site.resolve("site.yaml"), "title: Good site\nbaseUrl: https://example.org/\ntimezone: Europe/Lundun\n");
        LateralException e = failingBuild();
        assertThat(e.problems()).singleElement().extracting(Problem::format).asString()
                .startsWith("site.yaml:3:11: error: the time zone \"Europe/Lundun\" is not known");
        assertOutputUnchanged();
    }

    @Test
    void unsafeOutputFoldersAreRefusedAndNothingIsDeleted() throws Exception {
        Path precious = tmp.resolve("Documents");
        TestSites.write(precious.resolve("report.docx"), "precious");
        for (Path bad : new Path[] {site, tmp, Path.of("/"), precious}) {
            LateralException e = catchThrowableOfType(LateralException.class,
                    () -> Lateral.build(BuildRequest.of(site).withOutput(bad)));
            assertThat(e).as(bad.toString()).isNotNull();
            assertThat(e.problems().get(0).hint()).isNotBlank();
        }
        assertThat(precious.resolve("report.docx")).hasContent("precious");
        assertThat(site.resolve("content/posts/fine.md")).exists();
        assertOutputUnchanged();
    }

    @Test
    void aBuildKilledMidwayLeavesThePreviousOutputAndTheNextBuildCleansUp() throws Exception {
        Path staging = site.resolve(".public.lateral-staging-killed1");
        TestSites.write(staging.resolve("index.html"), "half a build");
        assertOutputUnchanged();
        Lateral.build(BuildRequest.of(site));
        assertThat(staging).doesNotExist();
        assertThat(snapshot(out)).isEqualTo(before);
    }

    /** Path → SHA-256 of every file. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
