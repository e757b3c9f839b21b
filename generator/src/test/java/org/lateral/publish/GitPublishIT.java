package org.lateral.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lateral.publish.GitRepos.git;
import static org.lateral.publish.GitRepos.lines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;
import org.lateral.testing.TestSites;

/**
 * {@code lateral publish} to a git remote: a local bare repository reached through {@code file://},
 * read back with JGit and with the {@code git} command.
 */
class GitPublishIT {

    static final String SITE = """
            -- site.yaml --
            title: "Ms Rees's classroom reflections"
            baseUrl: https://rees.example/
            timezone: Europe/London
            -- content/posts/inset-day.md --
            ---
            title: INSET day
            date: 2024-09-02
            tags: [planning]
            ---
            What we planned for the year.
            -- content/posts/oracy.md --
            ---
            title: Oracy week one
            date: 2024-09-09
            tags: [oracy]
            ---
            Talk partners, first try.
            """;

    static final Instant NOW = Instant.parse("2024-10-01T12:00:00Z");

    @TempDir
    Path tmp;
    Path site;
    Path bare;

    @BeforeEach
    void setUp() {
        site = TestSites.inline(tmp, SITE);
        bare = GitRepos.bare(tmp.resolve("remote.git"));
    }

    PublishRequest request() {
        return PublishRequest.of(site).withTo(GitRepos.url(bare)).withEnv(Map.of()).withNow(NOW);
    }

    @Test
    void firstPublishCreatesAnOrphanBranchHoldingExactlyTheSitePlusNojekyll() throws IOException {
        PublishResult r = Publisher.publish(request());

        assertThat(r.published()).isTrue();
        assertThat(r.git()).isTrue();
        assertThat(r.branch()).contains("gh-pages");
        RevCommit tip = GitRepos.tip(bare, "gh-pages");
        assertThat(tip.getParentCount()).isZero();
        assertThat(tip.getFullMessage()).isEqualTo("Publish Ms Rees's classroom reflections\n");
        assertThat(GitRepos.tip(bare, "main")).isNull();

        List<String> expected;
        try (var s = Files.walk(site.resolve("public"))) {
            expected = s.filter(Files::isRegularFile).map(p -> site.resolve("public").relativize(p).toString())
                    .filter(p -> !p.equals(".lateral-output")).sorted().toList();
        }
        List<String> withJgit = GitRepos.files(bare, "gh-pages");
        List<String> withGit = lines(git(bare, "ls-tree", "-r", "--name-only", "gh-pages"));
        assertThat(withJgit).containsExactlyInAnyOrderElementsOf(withGit);
        assertThat(withGit).contains(".nojekyll", "index.html", "feed.xml", "2024/09/oracy/index.html")
                .doesNotContain(".lateral-output", "CNAME");
        assertThat(withGit.stream().filter(p -> !p.equals(".nojekyll")).sorted().toList()).isEqualTo(expected);
        assertThat(git(bare, "rev-list", "--count", "gh-pages")).isEqualTo("1");
        assertThat(r.changes().added()).hasSize(withGit.size());
        assertThat(r.commit()).contains(tip.abbreviate(7).name());
        assertThat(r.summaryLines().get(0)).startsWith("Published to " + GitRepos.url(bare) + " (branch gh-pages)");
        String home = new String(GitRepos.gitBytes(bare, "show", "gh-pages:index.html"), StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(home).title()).contains("Ms Rees's classroom reflections");
    }

    @Test
    void oneEditedPostMakesOneCommitTouchingOnlyWhatChanged() {
        Publisher.publish(request());
        String first = git(bare, "rev-parse", "gh-pages");
        TestSites.write(site.resolve("content/posts/oracy.md"), """
                ---
                title: Oracy week one
                date: 2024-09-09
                tags: [oracy]
                ---
                Talk partners, first try. They talked more than I expected.
                """);

        PublishResult r = Publisher.publish(request());

        assertThat(git(bare, "rev-list", "--count", "gh-pages")).isEqualTo("2");
        assertThat(git(bare, "rev-parse", "gh-pages^")).isEqualTo(first);
        List<String> touched = lines(git(bare, "diff", "--name-only", first, "gh-pages"));
        assertThat(touched).contains("2024/09/oracy/index.html", "feed.xml")
                .doesNotContain("2024/09/inset-day/index.html", "tags/planning/index.html", ".nojekyll");
        assertThat(r.changes().added()).isEmpty();
        assertThat(r.changes().removed()).isEmpty();
        assertThat(r.changes().modified()).containsExactlyInAnyOrderElementsOf(touched);
        // only the post, the lists that show its summary, the feeds holding it and the search index
        assertThat(touched).allMatch(p -> p.equals("2024/09/oracy/index.html") || p.equals("index.html")
                || p.startsWith("archive/") || p.startsWith("tags/oracy/") || p.matches("(feed\\.(xml|json)|rss\\.xml)")
                || p.startsWith("search-index."));
        assertThat(GitRepos.files(bare, "gh-pages")).contains("tags/planning/feed.xml", "2024/09/inset-day/index.html");
    }

    @Test
    void anUnchangedSiteMakesNoCommit() {
        Publisher.publish(request());
        String first = git(bare, "rev-parse", "gh-pages");

        PublishResult again = Publisher.publish(request().withNow(NOW.plusSeconds(3600)));

        assertThat(again.published()).isFalse();
        assertThat(again.changes().isEmpty()).isTrue();
        assertThat(again.commit()).isEmpty();
        assertThat(git(bare, "rev-parse", "gh-pages")).isEqualTo(first);
        assertThat(again.summaryLines().get(0)).startsWith("Nothing to publish");
    }

    @Test
    void aCnameAlreadyOnTheBranchIsKeptAndPublishCnameWritesOne() {
        Publisher.publish(request());
        pushCname("cpd.rees.example");
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew post.\n");

        Publisher.publish(request());

        assertThat(git(bare, "show", "gh-pages:CNAME")).isEqualTo("cpd.rees.example");
        assertThat(GitRepos.files(bare, "gh-pages")).contains("CNAME", "2024/09/new/index.html");

        TestSites.write(site.resolve("site.yaml"), TestSites.read(site.resolve("site.yaml"))
                + "publish:\n  cname: www.rees.example\n");
        Publisher.publish(request());
        assertThat(git(bare, "show", "gh-pages:CNAME")).isEqualTo("www.rees.example");
    }

    @Test
    void noHistoryLeavesASingleForcePushedCommit() {
        Publisher.publish(request());
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew post.\n");
        Publisher.publish(request());
        assertThat(git(bare, "rev-list", "--count", "gh-pages")).isEqualTo("2");
        TestSites.write(site.resolve("content/posts/newer.md"), "---\ntitle: Newer\ndate: 2024-09-21\n---\nx\n");

        PublishResult r = Publisher.publish(request().withNoHistory(true));

        assertThat(r.published()).isTrue();
        assertThat(git(bare, "rev-list", "--count", "gh-pages")).isEqualTo("1");
        assertThat(GitRepos.tip(bare, "gh-pages").getParentCount()).isZero();
        assertThat(GitRepos.files(bare, "gh-pages")).contains("2024/09/newer/index.html", ".nojekyll");
        assertThat(git(bare, "fsck", "--no-dangling")).doesNotContain("error");
    }

    @Test
    void aPushRejectedBecauseSomeoneElsePublishedIsRetriedOnTheirCommit() {
        Publisher.publish(request());
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew post.\n");
        AtomicInteger concurrent = new AtomicInteger();

        PublishResult r = Publisher.publish(request(), attempt -> {
            if (attempt == 1) {
                concurrent.incrementAndGet();
                pushCname("someone-else.example"); // a colleague's publish lands between fetch and push
            }
        });

        assertThat(concurrent).hasValue(1);
        assertThat(r.retried()).isTrue();
        assertThat(git(bare, "rev-list", "--count", "gh-pages")).isEqualTo("3");
        assertThat(git(bare, "log", "-1", "--format=%s", "gh-pages^")).isEqualTo("colleague's publish");
        assertThat(GitRepos.files(bare, "gh-pages")).contains("2024/09/new/index.html", "CNAME");
        assertThat(r.summaryLines().get(0)).contains("someone else had just published");
    }

    @Test
    void aPushRejectedTwiceIsExplainedAndNothingIsOverwritten() {
        Publisher.publish(request());
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew post.\n");
        AtomicInteger n = new AtomicInteger();

        assertThatThrownBy(() -> Publisher.publish(request(), attempt -> pushCname("other-" + n.incrementAndGet()
                + ".example")))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).format())
                        .contains("someone else is publishing this site at the same time")
                        .contains("fix: wait until the other publish"));
        assertThat(git(bare, "show", "gh-pages:CNAME")).isEqualTo("other-2.example");
        assertThat(GitRepos.files(bare, "gh-pages")).doesNotContain("2024/09/new/index.html");
    }

    @Test
    void binaryFilesArriveByteForByte() throws IOException {
        byte[] picture = new byte[70_000];
        new Random(14).nextBytes(picture);
        picture[0] = '\r';
        picture[1] = '\n';
        picture[2] = 0;
        Files.createDirectories(site.resolve("static/images"));
        Files.write(site.resolve("static/images/classroom.jpg"), picture);
        byte[] crlf = "line one\r\nline two\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(site.resolve("static/notes.txt"), crlf);

        Publisher.publish(request());

        assertThat(GitRepos.blob(bare, "gh-pages", "images/classroom.jpg")).isEqualTo(picture);
        assertThat(GitRepos.gitBytes(bare, "show", "gh-pages:images/classroom.jpg")).isEqualTo(picture);
        assertThat(GitRepos.gitBytes(bare, "show", "gh-pages:notes.txt")).isEqualTo(crlf);
    }

    @Test
    void theSitesOwnRepositoryIsLeftAlone() {
        git(site, "init", "-q", "-b", "main");
        git(site, "-c", "user.name=Rees", "-c", "user.email=rees@example.org", "add", ".");
        git(site, "-c", "user.name=Rees", "-c", "user.email=rees@example.org", "commit", "-q", "-m", "my posts");
        String head = git(site, "rev-parse", "HEAD");
        String refsBefore = git(site, "for-each-ref");
        String statusBefore = git(site, "status", "--porcelain", "--ignored", "--", "content", "site.yaml");

        PublishResult r = Publisher.publish(request());

        assertThat(r.published()).isTrue();
        assertThat(git(site, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(site, "for-each-ref")).isEqualTo(refsBefore);
        assertThat(git(site, "status", "--porcelain", "--ignored", "--", "content", "site.yaml")).isEqualTo(statusBefore);
        assertThat(GitRepos.tip(bare, "gh-pages").getFullMessage())
                .isEqualTo("Publish Ms Rees's classroom reflections from " + head.substring(0, 7) + "\n");
    }

    @Test
    void theBuildIsCleanSoFilesLeftInTheOutputFolderAreNotPublished() throws IOException {
        Publisher.publish(request());
        TestSites.write(site.resolve("public/stale-from-an-old-build.html"), "old");
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew.\n");

        Publisher.publish(request());

        assertThat(GitRepos.files(bare, "gh-pages")).contains("2024/09/new/index.html")
                .doesNotContain("stale-from-an-old-build.html");
    }

    @Test
    void aBrokenBuildPublishesNothing() {
        TestSites.write(site.resolve("content/posts/broken.md"), "---\ntitle: Broken\ndate: 31/02/2024\n---\nx\n");

        assertThatThrownBy(() -> Publisher.publish(request())).isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems()).extracting(Problem::format)
                        .anyMatch(l -> l.startsWith("content/posts/broken.md:3:")));
        assertThat(GitRepos.tip(bare, "gh-pages")).isNull();
    }

    @Test
    void branchAndMessageFromTheRequest() {
        PublishResult r = Publisher.publish(request().withBranch("pages").withMessage("Half-term update"));

        assertThat(r.branch()).contains("pages");
        assertThat(git(bare, "log", "-1", "--format=%s", "pages")).isEqualTo("Half-term update");
        assertThat(GitRepos.tip(bare, "gh-pages")).isNull();
    }

    @Test
    void aDryRunPushesNothingButSaysWhatWouldChange() {
        PublishResult r = Publisher.publish(request().withDryRun(true));

        assertThat(r.published()).isFalse();
        assertThat(r.changes().added()).contains("index.html", ".nojekyll");
        assertThat(GitRepos.tip(bare, "gh-pages")).isNull();
        assertThat(r.summaryLines().get(0)).startsWith("Dry run:").endsWith("nothing was published.");
    }

    @Test
    void aTokenNeverAppearsInAnError() {
        String token = "ghp_s3cretTOKENvalue";
        PublishRequest request = request().withTo("http://oauth:pa55word-x@127.0.0.1:1/rees/cpd.git")
                .withEnv(Map.of("LATERAL_GIT_TOKEN", token));

        assertThatThrownBy(() -> Publisher.publish(request)).isInstanceOf(LateralException.class)
                .satisfies(e -> {
                    String text = ((LateralException) e).problems().get(0).format();
                    assertThat(text).contains("cannot reach the git remote http://127.0.0.1:1/rees/cpd.git")
                            .doesNotContain(token).doesNotContain("pa55word-x").doesNotContain("oauth:");
                    assertThat(e.getMessage()).doesNotContain(token).doesNotContain("pa55word-x");
                });
    }

    @Test
    void anSshAddressInSiteYamlIsAPositionedError() {
        TestSites.write(site.resolve("site.yaml"), TestSites.read(site.resolve("site.yaml"))
                + "publish:\n  to: git@github.com:rees/cpd.git\n");

        assertThatThrownBy(() -> Publisher.publish(PublishRequest.of(site).withEnv(Map.of())))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).format())
                        .startsWith("site.yaml:5:7: error: SSH addresses such as git@github.com:rees/cpd.git are not"
                                + " supported yet — fix: use the repository's https:// address"));
    }

    @Test
    void withoutATargetTheErrorSaysWhereToWriteOne() {
        assertThatThrownBy(() -> Publisher.publish(PublishRequest.of(site).withEnv(Map.of())))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).format())
                        .startsWith("site.yaml: error: there is nowhere to publish the site to — fix: add to site.yaml:"));
    }

    @Test
    void aBareRepositoryFolderIsAGitTarget() {
        TestSites.write(site.resolve("site.yaml"), TestSites.read(site.resolve("site.yaml"))
                + "publish:\n  to: ../remote.git\n");
        PublishResult r = Publisher.publish(PublishRequest.of(site).withEnv(Map.of()).withNow(NOW));

        assertThat(r.git()).isTrue();
        assertThat(GitRepos.files(bare, "gh-pages")).contains("index.html");
    }

    /** Someone else publishes: a commit on gh-pages adding a CNAME, made with the git command. */
    private void pushCname(String domain) {
        Path work = tmp.resolve("colleague-" + System.nanoTime());
        git(tmp, "clone", "-q", "--branch", "gh-pages", GitRepos.url(bare), work.toString());
        TestSites.write(work.resolve("CNAME"), domain + "\n");
        git(work, "add", "CNAME");
        git(work, "-c", "user.name=Colleague", "-c", "user.email=c@example.org", "commit", "-q", "-m",
                "colleague's publish");
        git(work, "push", "-q", "origin", "gh-pages");
    }
}
