package org.lateral.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.content.FrontMatterParser;

/**
 * Fuzzes front matter and Markdown through a whole build: posts from a seed corpus
 * ({@code src/test/resources/fuzz/corpus}) mutated by inserting, deleting, repeating and splicing
 * text and tokens that have broken parsers before. Properties: nothing but a
 * {@link LateralException} (problems, each with a fix) ever leaves {@link Lateral#build}, so no
 * stack trace reaches a teacher; and a build that succeeds has written the post's page with its
 * title as text (escaped, not read as HTML).
 *
 * <p>{@code mvn verify} runs 25 builds (seconds); run 5,000 with
 * {@code mvn -o -B -pl generator test -Dtest=BuildFuzzTest -Dlateral.fuzz=long}. Inputs that
 * once failed are kept in {@code src/test/resources/fuzz/regressions} and built every time.
 */
class BuildFuzzTest {

    private static final Path CORPUS = Path.of("src/test/resources/fuzz/corpus");
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    /** Tokens that have mattered to YAML, Markdown, HTML, URLs and XML. */
    private static final List<String> TOKENS = List.of("---", "\n---\n", ":", ": ", "- ", "\n- ", "> ", ">", "*", "**",
            "_", "`", "```", "~~~", "[", "]", "](", ")", "![", "<", ">", "</", "<script>", "<script ", "<h2 id=\"",
            "<img ", "<!--", "-->", "<!--more-->", "[TOC]", "|", "|-|", "\n|a|b|\n|-|-|\n", "&", "&#", "&amp;", "\"",
            "'", "\\", "\\0", "\\u", "\"\\uD800\"", "\u0000", "\u0007", "\uD800", "\uDC00", "\uFEFF", "\u202E", "\t",
            "\r\n", "\r", "\n", "\n\n", "    ", "#", "## ", "{", "}", "${", "<#", "&t ", "*t", "!!", "%", "?", "@",
            "www.", "https://", "//", "../", "/.lateral-output", "title: ", "date: ", "tags: [", "url: ", "slug: ",
            "layout: ", "image: ", "draft: true", "toc: true", "2024-13-45", "9999-12-31", "0000-01-01", "é", "İ",
            "😀", "\u0301");

    record Mutation(int op, double where, double length, int token, int times) {
    }

    @Provide
    Arbitrary<String> posts() {
        List<String> corpus = read(CORPUS);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, TOKENS.size() - 1), Arbitraries.integers().between(1, 300))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(corpus), Arbitraries.of(corpus), mutation.list().ofMaxSize(5))
                .as(BuildFuzzTest::mutate);
    }

    static String mutate(String text, String other, List<Mutation> mutations) {
        StringBuilder s = new StringBuilder(text);
        for (Mutation m : mutations) {
            int at = (int) (m.where() * s.length());
            int len = (int) (m.length() * Math.min(200, s.length() - at));
            String token = TOKENS.get(m.token());
            switch (m.op()) {
                case 0 -> s.insert(at, token);
                case 1 -> s.delete(at, at + len);
                case 2 -> s.insert(at, token.repeat(m.times()));
                case 3 -> s.insert(at, s.substring(at, at + len).repeat(Math.min(m.times(), 20)));
                default -> {
                    int from = (int) (m.length() * other.length());
                    s.insert(at, other, from, Math.min(other.length(), from + 120));
                }
            }
        }
        return s.toString();
    }

    @Property(tries = 25, seed = "20261202", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aBuildEitherSucceedsWithThePostsTitleAsTextOrListsProblemsWithFixes(@ForAll("posts") String post) {
        Statistics.collect(check(post));
    }

    /** The same for as long as asked: {@code -Dlateral.fuzz=long} (5,000 builds, some minutes). */
    @Property(tries = 5000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(OnlyWhenAskedFor.class)
    void longRun(@ForAll("posts") String post) {
        Statistics.collect(check(post));
    }

    /** Skips a property unless {@code -Dlateral.fuzz=long}. */
    public static final class OnlyWhenAskedFor implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return "long".equals(System.getProperty("lateral.fuzz")) ? SkipResult.doNotSkip()
                    : SkipResult.skip("run with -Dlateral.fuzz=long");
        }
    }

    @Example
    void everyKeptRegressionAndCorpusInputHolds() {
        read(REGRESSIONS).forEach(BuildFuzzTest::check);
        List<String> corpus = read(CORPUS);
        assertThat(corpus).hasSizeGreaterThan(5);
        assertThat(corpus).allSatisfy(post -> assertThat(check(post)).startsWith("built"));
    }

    /** Builds a site holding the post (as a folder with a picture beside it); returns what happened. */
    static String check(String post) {
        Path tmp = tempDir();
        try {
            Path site = tmp.resolve("site");
            write(site.resolve("site.yaml"), "title: Fuzz\nbaseUrl: https://example.org/\nauthors:\n  ms-jones:\n"
                    + "    name: Ms Jones\n");
            write(site.resolve("content/posts/fuzz-bundle/index.md"), post);
            write(site.resolve("content/posts/fuzz-bundle/cycle.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            BuildResult result;
            try {
                result = Lateral.build(BuildRequest.of(site).withNow(NOW));
            } catch (LateralException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.message()).isNotBlank();
                    assertThat(p.hint()).isNotBlank();
                });
                assertThat(e.problems()).filteredOn(Problem::isError).isNotEmpty();
                return "problems";
            }
            if (result.posts() == 0) {
                return "built, no post"; // a draft, scheduled or expired post: nothing to look at
            }
            Optional<String> title = new FrontMatterParser(ZoneId.of("UTC"))
                    .parse(post.replace("\r\n", "\n"), Path.of("fuzz.md")).frontMatter().title();
            if (title.isEmpty() || !printable(title.get())) {
                return "built";
            }
            String expected = title.get().strip().replaceAll("\\s+", " ");
            List<String> h1s = new ArrayList<>();
            try (Stream<Path> files = Files.walk(site.resolve("public"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    // a page is any HTML file: url: /notes gives a page without .html
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    if (text.regionMatches(true, 0, "<!doctype html", 0, 14)) {
                        Document doc = Jsoup.parse(text);
                        h1s.add(doc.select("h1").text());
                    }
                }
            }
            assertThat(h1s).as("a page whose heading is the post's title, %s", expected)
                    .anySatisfy(h -> assertThat(h).contains(expected));
            return "built, title checked";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(tmp);
        }
    }

    /** Titles the check can compare as text (control and invisible characters are removed on the way). */
    private static boolean printable(String s) {
        return s.codePoints().allMatch(c -> c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && c != 0xFEFF
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE
                && Character.getType(c) != Character.NON_SPACING_MARK)
                && !s.contains("\"") && !s.contains("'") && !s.contains("--") && !s.contains("...");
    }

    private static List<String> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lateral-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes '?'
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
