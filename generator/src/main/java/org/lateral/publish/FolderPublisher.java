package org.lateral.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.PublishResult.Changes;
import org.lateral.internal.AtomicFiles;
import org.lateral.output.OutputGuard;
import org.lateral.output.StagedOutput;

/**
 * Publishes a built site into a folder (a web server's document root, a mounted share): afterwards
 * the folder holds exactly the site. Where the folder's parent can hold a staging folder on the same
 * file system, the new site is written beside it and swapped in with two renames
 * ({@link StagedOutput}); otherwise (a mount point, a parent the user may not write) the folder is
 * updated in place, each file written to a temporary name and renamed over the old one, and files no
 * longer produced removed. Nothing outside the folder is touched; a non-empty folder without
 * Lateral's marker file is refused unless forced, for the same reasons as {@link OutputGuard}.
 */
final class FolderPublisher {

    /** What was done; {@code atomic} tells whether the folder was swapped as a whole. */
    record Outcome(Changes changes, boolean atomic, Map<String, byte[]> previous) {
    }

    private FolderPublisher() {
    }

    static Outcome publish(Path site, Path folder, Path siteDir, boolean force, boolean dryRun,
            Predicate<String> keepOld) {
        return publish(site, folder, siteDir, force, dryRun, keepOld, true);
    }

    /** As above; {@code swap} false updates in place even where a swap is possible (tests). */
    static Outcome publish(Path site, Path folder, Path siteDir, boolean force, boolean dryRun,
            Predicate<String> keepOld, boolean swap) {
        folder = folder.toAbsolutePath().normalize();
        check(site, folder, siteDir, force);
        Map<String, Path> now = SiteFiles.list(site);
        Map<String, Path> before = SiteFiles.list(folder);
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, byte[]> previous = new HashMap<>();
        try {
            for (Map.Entry<String, Path> f : now.entrySet()) {
                Path old = before.get(f.getKey());
                if (old == null) {
                    added.add(f.getKey());
                } else if (Files.size(old) != Files.size(f.getValue()) || Files.mismatch(old, f.getValue()) >= 0) {
                    modified.add(f.getKey());
                }
            }
            for (String path : before.keySet()) {
                if (!now.containsKey(path)) {
                    removed.add(path);
                }
            }
            for (String path : before.keySet()) {
                if ((modified.contains(path) || removed.contains(path)) && keepOld.test(path)) {
                    previous.put(path, Files.readAllBytes(before.get(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare the site with " + folder, e);
        }
        Changes changes = new Changes(added, modified, removed);
        boolean hasMarker = Files.exists(folder.resolve(OutputGuard.MARKER));
        if (dryRun || (changes.isEmpty() && hasMarker)) {
            return new Outcome(changes, false, previous);
        }
        if (swap && swappable(folder)) {
            try (StagedOutput out = StagedOutput.begin(folder)) {
                out.copyTree(site, "");
                out.commit();
                return new Outcome(changes, true, previous);
            } catch (UncheckedIOException e) {
                // the parent refused the staging folder or the rename: update in place instead
            }
        }
        inPlace(site, folder, changes);
        return new Outcome(changes, false, previous);
    }

    private static void check(Path site, Path folder, Path siteDir, boolean force) {
        Path f = folder.toAbsolutePath().normalize();
        Path s = site.toAbsolutePath().normalize();
        if (f.startsWith(s) || s.startsWith(f)) {
            throw new LateralException(Problem.general("the folder to publish to, " + f
                    + ", is the build's own output folder or overlaps it",
                    "publish to a folder outside the site, e.g. publish.to: /var/www/cpd"));
        }
        if (!force && Files.isDirectory(f) && !Files.exists(f.resolve(OutputGuard.MARKER)) && !isEmpty(f)) {
            throw new LateralException(Problem.general("the folder " + f
                    + " already holds files that Lateral did not publish, and publishing would replace them",
                    "publish into an empty folder, or add --force (Maven: -Dlateral.force) if those files may be"
                            + " deleted"));
        }
        Optional<Problem> unsafe = OutputGuard.check(f, siteDir, true);
        if (unsafe.isPresent()) {
            throw new LateralException(Problem.general(unsafe.get().message().replace("output folder", "folder"),
                    "publish to a folder of its own, e.g. publish.to: /var/www/cpd"));
        }
    }

    /** True when a staging folder beside {@code folder} would be on the same file system. */
    private static boolean swappable(Path folder) {
        Path parent = folder.toAbsolutePath().normalize().getParent();
        try {
            if (!Files.isWritable(parent)) {
                return false;
            }
            return !Files.exists(folder) || Files.getFileStore(folder).equals(Files.getFileStore(parent));
        } catch (IOException e) {
            return false;
        }
    }

    private static void inPlace(Path site, Path folder, Changes changes) {
        try {
            Files.createDirectories(folder);
            List<String> write = new ArrayList<>(changes.added());
            write.addAll(changes.modified());
            write.add(OutputGuard.MARKER);
            for (String path : write) {
                Path from = site.resolve(path);
                if (!Files.exists(from)) {
                    Files.writeString(folder.resolve(OutputGuard.MARKER),
                            "Written by Lateral. This folder is replaced as a whole at each publish.\n");
                    continue;
                }
                AtomicFiles.copy(from, inside(folder, path));
            }
            for (String path : changes.removed()) {
                Path gone = inside(folder, path);
                Files.deleteIfExists(gone);
                for (Path dir = gone.getParent(); !dir.equals(folder) && isEmpty(dir); dir = dir.getParent()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the folder " + folder, e);
        }
    }

    private static Path inside(Path folder, String relative) {
        Path p = folder.resolve(relative).normalize();
        if (!p.startsWith(folder) || p.equals(folder)) {
            throw new IllegalArgumentException("refusing to write outside " + folder + ": " + relative);
        }
        return p;
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
