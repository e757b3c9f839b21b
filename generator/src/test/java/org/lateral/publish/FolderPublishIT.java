package org.lateral.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;
import org.lateral.testing.TestSites;

/** {@code lateral publish} into a folder (a web server's document root, a mounted share). */
class FolderPublishIT {

    @TempDir
    Path tmp;
    Path site;
    Path www;

    @BeforeEach
    void setUp() {
        site = TestSites.inline(tmp, GitPublishIT.SITE);
        www = tmp.resolve("www/cpd");
    }

    PublishRequest request() {
        return PublishRequest.of(site).withTo(www.toString()).withEnv(Map.of())
                .withNow(Instant.parse("2024-10-01T12:00:00Z"));
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void theFolderHoldsExactlyTheSiteAndStaleFilesAreRemoved() throws IOException {
        PublishResult first = Publisher.publish(request());
        assertThat(first.git()).isFalse();
        assertThat(first.published()).isTrue();
        assertThat(files(www)).isEqualTo(files(site.resolve("public")));
        assertThat(files(www)).doesNotContain(".nojekyll");

        Files.delete(site.resolve("content/posts/oracy.md"));
        PublishResult second = Publisher.publish(request());

        assertThat(second.changes().removed()).contains("2024/09/oracy/index.html", "tags/oracy/index.html");
        assertThat(files(www)).isEqualTo(files(site.resolve("public")));
        assertThat(www.resolve("2024/09/oracy")).doesNotExist();
        assertThat(www.resolve("tags/oracy")).doesNotExist();
        try (Stream<Path> beside = Files.list(www.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString()).toList()).containsExactly("cpd");
        }
    }

    @Test
    void anUnchangedSiteChangesNothing() throws IOException {
        Publisher.publish(request());
        Path index = www.resolve("index.html");
        var before = Files.getLastModifiedTime(index);
        var inode = Files.readAttributes(www, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        PublishResult again = Publisher.publish(request());

        assertThat(again.changes().isEmpty()).isTrue();
        assertThat(again.published()).isFalse();
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(before);
        assertThat(Files.readAttributes(www, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(inode);
    }

    @Test
    void aFolderLateralDidNotPublishIsRefusedUnlessForced() throws IOException {
        TestSites.write(www.resolve("school-intranet.html"), "<p>the school's own page</p>");
        TestSites.write(tmp.resolve("www/other-site/index.html"), "another site beside it");

        assertThatThrownBy(() -> Publisher.publish(request())).isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).format())
                        .contains("already holds files that Lateral did not publish")
                        .contains("fix: publish into an empty folder, or add --force"));
        assertThat(www.resolve("school-intranet.html")).exists();

        PublishResult forced = Publisher.publish(request().withForce(true));

        assertThat(forced.published()).isTrue();
        assertThat(www.resolve("school-intranet.html")).doesNotExist();
        assertThat(files(www)).isEqualTo(files(site.resolve("public")));
        assertThat(tmp.resolve("www/other-site/index.html")).hasContent("another site beside it");
    }

    @Test
    void theSiteFolderItselfOrItsOutputIsRefused() {
        assertThatThrownBy(() -> Publisher.publish(request().withTo(site.toString())))
                .isInstanceOf(LateralException.class);
        assertThatThrownBy(() -> Publisher.publish(request().withTo(site.resolve("public").toString())))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).message())
                        .contains("is the build's own output folder"));
        assertThat(site.resolve("content/posts/oracy.md")).exists();
    }

    @Test
    void aFolderThatCannotBeSwappedIsUpdatedInPlace() throws IOException {
        Publisher.publish(request());
        var folderKey = Files.readAttributes(www, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        TestSites.write(site.resolve("content/posts/new.md"), "---\ntitle: New\ndate: 2024-09-20\n---\nNew post.\n");
        Files.delete(site.resolve("content/posts/oracy.md"));
        org.lateral.Lateral.build(org.lateral.BuildRequest.of(site));

        FolderPublisher.Outcome o = FolderPublisher.publish(site.resolve("public"), www, site, false, false,
                p -> false, false);

        assertThat(o.atomic()).isFalse();
        assertThat(o.changes().added()).contains("2024/09/new/index.html");
        assertThat(Files.readAttributes(www, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(folderKey);
        assertThat(files(www)).isEqualTo(files(site.resolve("public")));
        assertThat(www.resolve("2024/09/oracy")).doesNotExist();
        assertThat(www.resolve("tags/oracy")).doesNotExist();
        assertThat(Files.mismatch(www.resolve("index.html"), site.resolve("public/index.html"))).isEqualTo(-1L);
        try (Stream<Path> s = Files.walk(www)) {
            assertThat(s.map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aDryRunWritesNothing() {
        PublishResult r = Publisher.publish(request().withDryRun(true));

        assertThat(r.changes().added()).contains("index.html");
        assertThat(www).doesNotExist();
    }
}
