package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.cli.Main;
import org.lateral.testing.TestSites;

/**
 * {@code lateral check} end to end: a fixture site with a seeded mistake on most lines (links in
 * paragraphs, lists, tables, footnotes and raw HTML; pictures; anchors; drafts and scheduled
 * posts; a template and site.yaml), each finding asserted by file, line, column and severity; and
 * sites with no mistakes (the starter site, the sample network) with no finding of the check's own.
 */
class CheckIT {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    @TempDir
    Path tmp;

    private Path mistakes() throws IOException {
        Path site = TestSites.fixture("check-mistakes", tmp);
        // a picture over 1 MB (made here rather than kept in the repository)
        Files.write(site.resolve("content/posts/2025-01-05-pictures/big.png"), new byte[1_200_000],
                StandardOpenOption.APPEND);
        return site;
    }

    private static String where(Problem p) {
        return (p.file() == null ? "" : p.file().toString().replace('\\', '/')) + ":" + p.line() + ":" + p.column()
                + " " + (p.isError() ? "error" : "warning");
    }

    @Test
    void everySeededMistakeIsNamedAtTheLineTheTeacherWrote() throws IOException {
        CheckResult r = Lateral.check(CheckRequest.of(mistakes()).withNow(NOW));

        String post = "content/posts/2025-03-10-links-to-tidy.md:";
        assertThat(r.findings()).extracting(CheckIT::where).containsExactly(
                "content/posts/2025-01-05-pictures/index.md:7:1 warning",   // over 1 MB
                "content/posts/2025-01-05-pictures/index.md:9:1 error",     // tallly.png
                post + "8:5 error",     // a page that does not exist
                post + "9:12 error",    // #what-i-tryed
                post + "10:4 error",    // a draft
                post + "10:39 error",   // a scheduled post
                post + "11:11 warning", // "here"
                post + "13:14 error",   // in a list
                post + "17:10 error",   // in a table
                post + "21:13 error",   // in a footnote
                post + "24:14 error",   // in a raw HTML block
                post + "25:1 error",    // raw <img> without alt
                post + "28:1 error",    // ![](…) without a description
                post + "29:1 error",    // [](…): no text
                post + "30:1 warning",  // "the review" for two places
                post + "32:1 warning",  // #### after the title
                post + "36:1 error",    // #no-such-heading on the same page
                post + "36:35 error",   // file:
                "site.yaml:9:26 error", // the menu's /evnts/, once for every page
                "templates/page.ftlh:8:27 error", // the template's contact-us/, once
                "templates/page.ftlh:9:28 error"); // the template's <img> without alt, once
        assertThat(r.errors()).isEqualTo(17);
        assertThat(r.hasErrors()).isTrue();

        assertThat(r.findings()).extracting(Problem::format).contains(
                post + "8:5: error: this link goes to a page that does not exist (/cpd/2024/10/retrieval-reviewed/)"
                        + " — fix: did you mean /cpd/2024/10/retrieval-review/?",
                post + "9:12: error: this link goes to #what-i-tryed, which is not on /cpd/2024/10/retrieval-review/"
                        + " — fix: did you mean #what-i-tried?",
                "content/posts/2025-01-05-pictures/index.md:9:1: error: this picture does not exist on the site"
                        + " (/cpd/2025/01/pictures/tallly.png), so readers see a broken image"
                        + " — fix: did you mean /cpd/2025/01/pictures/tally.png?");
        assertThat(r.findings()).filteredOn(p -> p.line() == 10)
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("a draft")
                        .contains("content/posts/2024-11-02-draft-plans.md"))
                .anySatisfy(m -> assertThat(m).contains("a scheduled post"));
        assertThat(r.findings()).filteredOn(p -> p.file().toString().startsWith("templates"))
                .extracting(Problem::message).allSatisfy(m -> assertThat(m).contains("(on 2 pages, such as /cpd/"));
        // a picture marked decorative (<img … alt="">, line 34) is not a finding
        assertThat(r.findings()).noneMatch(p -> p.line() == 34);
    }

    @Test
    void theStarterSiteHasNoFindingBesidesTheBuildsOwnWarnings() {
        Path site = tmp.resolve("my-cpd-blog");
        Lateral.newSite(site, "Ms Rahman's CPD journal");
        Lateral.newPost(site, "TeachMeet North: what I took away");
        BuildResult built = Lateral.build(BuildRequest.of(site));

        assertThat(site.resolve(".lateral-cache/build")).as("the build's cache, which the check leaves alone").isDirectory();

        CheckResult r = Lateral.check(CheckRequest.of(site));

        assertThat(r.findings()).containsExactlyInAnyOrderElementsOf(built.warnings());
        assertThat(r.findings()).noneMatch(p -> String.valueOf(p.file()).contains("lateral-cache"));
        assertThat(r.errors()).isZero();
        assertThat(r.pages()).isGreaterThan(10);
        assertThat(r.links()).isGreaterThan(100);
    }

    @Test
    void theSampleNetworkHasNothingToFix() {
        for (String member : List.of("blog-nqt", "blog-primary", "blog-science", "school")) {
            Path site = Path.of("..", "sample-site", member);
            CheckResult r = Lateral.check(CheckRequest.of(site));
            assertThat(r.findings()).as(member).isEmpty();
            assertThat(r.pages()).as(member).isGreaterThan(20);
        }
    }

    @Test
    void aLinkToAnotherPostsMarkdownFileIsCheckedForItsAnchor() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2025-01-01
                ---
                Read [part two](b.md#what-happened) and [its start](b.md#what-happend).
                -- content/posts/b.md --
                ---
                title: B
                date: 2025-01-02
                ---
                ## What happened
                """);
        CheckResult r = Lateral.check(CheckRequest.of(site));
        assertThat(r.findings()).extracting(Problem::format).containsExactly(
                "content/posts/a.md:5:41: error: this link goes to #what-happend, which is not on /2025/01/b/"
                        + " — fix: did you mean #what-happened?");
    }

    @Test
    void aBrokenLinkInAFrontMatterSummaryIsNamedInThatFile() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2025-01-01
                summary: "Follows [the plan](/plann/)."
                ---
                The body links nowhere.
                -- content/posts/b.md --
                ---
                title: B
                date: 2025-01-02
                ---
                Beside it.

                ![A tally](tally.png)
                -- content/posts/tally.png --
                GIF89a
                """);
        CheckResult r = Lateral.check(CheckRequest.of(site));
        assertThat(r.findings()).filteredOn(Problem::isError).extracting(CheckIT::where)
                .containsExactly("content/posts/a.md:4:30 error", "content/posts/b.md:7:1 error");
        assertThat(r.findings().stream().filter(Problem::isError).toList().get(1).hint())
                .isEqualTo("pictures are copied only for a post written as a folder: move the post to b/index.md"
                        + " and put tally.png in that folder");
    }

    @Test
    void jsonAndJunitReportsCarryEveryFindingWithItsFileAndLine() throws IOException {
        CheckResult r = Lateral.check(CheckRequest.of(mistakes()).withNow(NOW));

        JsonNode json = new ObjectMapper().readTree(r.report(CheckResult.Format.JSON));
        assertThat(json.path("errors").asInt()).isEqualTo(17);
        assertThat(json.path("findings")).hasSize(r.findings().size());
        JsonNode first = json.path("findings").get(2);
        assertThat(first.path("file").asText()).isEqualTo("content/posts/2025-03-10-links-to-tidy.md");
        assertThat(first.path("line").asInt()).isEqualTo(8);
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("fix").asText()).isEqualTo("did you mean /cpd/2024/10/retrieval-review/?");

        Document junit = Jsoup.parse(r.report(CheckResult.Format.JUNIT), "", Parser.xmlParser());
        assertThat(junit.select("testsuite").attr("failures")).isEqualTo("18"); // 17 findings and the site
        assertThat(junit.select("testcase:has(failure)")).hasSize(18);
        assertThat(junit.select("testcase[file=content/posts/2025-03-10-links-to-tidy.md][line=8] failure").text())
                .contains("retrieval-reviewed");
        assertThat(junit.select("testcase[file=templates/page.ftlh][line=8]")).hasSize(1);
    }

    @Test
    void theCommandExitsOneOnErrorsZeroOnWarningsAndTwoOnAUsageMistake() throws IOException {
        Path broken = mistakes();
        Path clean = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2025-01-01
                ---
                See [here](/).
                """);
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int errors;
        int warnings;
        int usage;
        Path report = tmp.resolve("reports/check.xml");
        try {
            errors = Main.run("check", broken.toString());
            warnings = Main.run("check", clean.toString());
            usage = Main.run("check", clean.toString(), "--format", "pdf");
            Main.run("check", broken.toString(), "--format", "junit", "-o", report.toString());
        } finally {
            System.setOut(before);
        }
        assertThat(errors).isEqualTo(1);
        assertThat(warnings).isZero();
        assertThat(usage).isEqualTo(2);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("content/posts/2025-03-10-links-to-tidy.md:8:5: error: this link goes to a page"
                + " that does not exist (/cpd/2024/10/retrieval-reviewed/)");
        assertThat(out).contains("content/posts/a.md:5:5: warning: the link text \"here\"");
        assertThat(Jsoup.parse(Files.readString(report), "", Parser.xmlParser()).select("testcase")).isNotEmpty();
        assertThat(broken.resolve("public")).doesNotExist(); // nothing is written
    }
}
