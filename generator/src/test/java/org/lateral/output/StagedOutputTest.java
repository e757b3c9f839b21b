package org.lateral.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.TestSites;

class StagedOutputTest {

    @TempDir
    Path tmp;

    @Test
    void commitReplacesThePreviousOutputAsAWhole() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("old.html", "old".getBytes());
            s.commit();
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("a/b/new.html", "new".getBytes());
            assertThat(out.resolve("old.html")).exists(); // untouched until commit
            s.commit();
        }
        assertThat(out.resolve("a/b/new.html")).hasContent("new");
        assertThat(out.resolve("old.html")).doesNotExist();
        assertThat(out.resolve(OutputGuard.MARKER)).exists();
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("public"); // no staging, no lock file left beside it
        }
    }

    @Test
    void anUnchangedFileIsTakenFromThePreviousOutputAndAChangedOneWrittenAfresh() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("same.html", "same".getBytes());
            s.write("a/changed.html", "v1".getBytes());
            s.write("grown.html", "v1".getBytes());
            s.commit();
        }
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        for (String f : java.util.List.of("same.html", "a/changed.html", "grown.html")) {
            Files.setLastModifiedTime(out.resolve(f), past);
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("same.html", "same".getBytes());
            s.write("a/changed.html", "v2".getBytes()); // the same length, other bytes
            s.write("grown.html", "v1 and more".getBytes());
            s.commit();
        }
        assertThat(out.resolve("same.html")).hasContent("same");
        assertThat(Files.getLastModifiedTime(out.resolve("same.html"))).isEqualTo(past); // not written again
        assertThat(out.resolve("a/changed.html")).hasContent("v2");
        assertThat(Files.getLastModifiedTime(out.resolve("a/changed.html"))).isNotEqualTo(past);
        assertThat(out.resolve("grown.html")).hasContent("v1 and more");
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("public");
        }
    }

    @Test
    void aFileTakenFromThePreviousOutputAndThenWrittenAgainNeverChangesThePreviousOutput() throws Exception {
        Path out = tmp.resolve("public");
        Path asset = tmp.resolve("asset.css");
        Files.writeString(asset, "new css");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v1".getBytes());
            s.write("style.css", "old css".getBytes());
            s.commit();
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v1".getBytes()); // the same: taken from the previous output
            s.write("index.html", "v2".getBytes()); // then replaced, within the same build
            s.write("style.css", "old css".getBytes());
            s.copy(asset, "style.css");
            assertThat(out.resolve("index.html")).hasContent("v1"); // the site being served is untouched
            assertThat(out.resolve("style.css")).hasContent("old css");
            assertThat(s.staging().resolve("index.html")).hasContent("v2");
            assertThat(s.staging().resolve("style.css")).hasContent("new css");
        } // not committed: the previous output stays as it was
        assertThat(out.resolve("index.html")).hasContent("v1");
        assertThat(out.resolve("style.css")).hasContent("old css");
    }

    @Test
    void closingWithoutCommitLeavesThePreviousOutputAndRemovesTheStaging() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v1".getBytes());
            s.commit();
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v2".getBytes());
        }
        assertThat(out.resolve("index.html")).hasContent("v1");
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("public"); // no staging, no lock file left beside it
        }
    }

    @Test
    void aKilledBuildsLeftoversAreCleanedUpAndAnInterruptedSwapRestored() throws Exception {
        Path out = tmp.resolve("public");
        Files.createDirectories(tmp.resolve(".public.lateral-staging-dead"));
        TestSites.write(tmp.resolve(".public.lateral-old-12345678/index.html"), "previous");
        try (StagedOutput s = StagedOutput.begin(out)) {
            assertThat(out.resolve("index.html")).hasContent("previous");
            assertThat(tmp.resolve(".public.lateral-staging-dead")).doesNotExist();
        }
    }

    @Test
    void refusesToWriteOutsideTheOutputFolder() {
        try (StagedOutput s = StagedOutput.begin(tmp.resolve("public"))) {
            assertThatThrownBy(() -> s.write("../escape.html", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(tmp.resolve("escape.html")).doesNotExist();
    }

    @Test
    void afterCloseNoWriteRunsSoAFailedBuildsThreadsCannotRecreateTheStaging() throws Exception {
        Path out = tmp.resolve("public");
        StagedOutput s = StagedOutput.begin(out);
        s.write("a.html", "a".getBytes());
        s.close();
        assertThat(s.staging()).doesNotExist();
        assertThatThrownBy(() -> s.write("late/b.html", "b".getBytes())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has stopped");
        assertThatThrownBy(() -> s.copy(out.resolve(OutputGuard.MARKER), "c.txt"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(s.staging()).doesNotExist();
        try (StagedOutput next = StagedOutput.begin(out)) { // the lock was released
            next.commit();
        }
        assertThat(out.resolve(OutputGuard.MARKER)).exists();
    }

    @Test
    void aSecondBuildIntoTheSameFolderWaitsForTheFirst() throws Exception {
        Path out = tmp.resolve("public");
        StagedOutput first = StagedOutput.begin(out);
        var started = new java.util.concurrent.CountDownLatch(1);
        var second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var done = second.submit(() -> {
                started.countDown();
                try (StagedOutput s = StagedOutput.begin(out)) {
                    s.write("index.html", "second".getBytes());
                    s.commit();
                }
                return null;
            });
            started.await();
            first.write("index.html", "first".getBytes());
            assertThat(done.isDone()).isFalse();
            first.commit();
            first.close();
            done.get();
        } finally {
            second.shutdownNow();
        }
        assertThat(out.resolve("index.html")).hasContent("second");
    }

    @Test
    void aBuildThatCannotGetTheLockInTimeStopsWithAClearMessage() {
        Path out = tmp.resolve("public");
        String before = System.getProperty(OutputLock.WAIT_PROPERTY);
        try (StagedOutput first = StagedOutput.begin(out)) {
            System.setProperty(OutputLock.WAIT_PROPERTY, "0");
            var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.lateral.LateralException.class,
                    () -> StagedOutput.begin(out));
            assertThat(e.getMessage()).contains("another build is writing to " + out)
                    .contains("wait for it to finish");
        } finally {
            if (before == null) {
                System.clearProperty(OutputLock.WAIT_PROPERTY);
            } else {
                System.setProperty(OutputLock.WAIT_PROPERTY, before);
            }
        }
    }

    @Test
    void anUndeletableFileInThePreviousOutputIsAWarningAndTheNextBuildStillWorks() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("stuck/file.html", "old".getBytes());
            s.commit();
        }
        Path stuck = out.resolve("stuck/file.html");
        Undeletable undeletable = Undeletable.make(stuck);
        try {
            try (StagedOutput s = StagedOutput.begin(out)) {
                s.write("index.html", "v2".getBytes());
                s.commit();
                assertThat(s.warnings()).singleElement().satisfies(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.message()).contains("could not all be removed").contains("file.html");
                    assertThat(p.hint()).contains("delete that folder yourself");
                });
            }
            assertThat(out.resolve("index.html")).hasContent("v2");
            try (StagedOutput s = StagedOutput.begin(out)) {
                s.write("index.html", "v3".getBytes());
                s.commit();
                assertThat(s.warnings()).isNotEmpty();
            }
            assertThat(out.resolve("index.html")).hasContent("v3");
        } finally {
            try (var files = Files.walk(tmp)) { // the previous output has been moved aside
                for (Path f : files.filter(f -> f.getFileName().toString().equals("file.html")).toList()) {
                    new Undeletable(f, undeletable.chattr()).undo();
                }
            }
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.commit();
            assertThat(s.warnings()).isEmpty();
        }
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("public"); // no staging, no lock file left beside it
        }
    }

    /** A file that cannot be deleted: immutable (as root, with chattr) or in a read-only folder. */
    private record Undeletable(Path file, boolean chattr) {
        static Undeletable make(Path file) throws Exception {
            try {
                if (new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start()
                        .waitFor() == 0) {
                    return new Undeletable(file, true);
                }
            } catch (java.io.IOException e) {
                // no chattr: try permissions
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    file.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
            Files.setPosixFilePermissions(file.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            Undeletable u = new Undeletable(file, false);
            if (Files.isWritable(file.getParent())) { // root ignores permissions
                u.undo();
                org.junit.jupiter.api.Assumptions.assumeTrue(false, "cannot make an undeletable file here");
            }
            return u;
        }

        void undo() throws Exception {
            if (chattr) {
                new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
            } else {
                Files.setPosixFilePermissions(file.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void theLockFileIsBesideTheOutputOnlyWhileABuildHoldsItAndAWaitingBuildTakesItOver() throws Exception {
        Path out = tmp.resolve("public");
        Path lockFile = OutputLock.fileFor(out.toAbsolutePath().normalize());
        OutputLock first = OutputLock.acquire(out.toAbsolutePath().normalize());
        assertThat(lockFile).exists();
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> OutputLock.acquire(out.toAbsolutePath().normalize()));
        Thread.sleep(200); // let the second build start waiting on the file the first one holds
        assertThat(second).isNotDone();
        first.close();
        try (OutputLock taken = second.get(30, java.util.concurrent.TimeUnit.SECONDS)) {
            assertThat(lockFile).exists(); // made again by the build that holds it now
        }
        assertThat(lockFile).doesNotExist();
    }
}
