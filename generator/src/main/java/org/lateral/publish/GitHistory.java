package org.lateral.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.lateral.site.EventHistory;

/**
 * An event file's committed versions, read from the git repository the site is in (JGit, which
 * this package owns), so that an event's calendar revision rises by itself when its time, place or
 * status changes. Read only: nothing in the repository is written. Versions are kept per file and
 * commit, so a preview session reads each history once until the next commit.
 */
public final class GitHistory implements EventHistory {

    private final Path siteDir;
    private final Map<String, Map<String, Versions>> known = new ConcurrentHashMap<>();

    private GitHistory(Path siteDir) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
    }

    /** The history of files under {@code siteDir}: none when it is in no git repository. */
    public static EventHistory forSite(Path siteDir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(siteDir.toFile());
        return b.getGitDir() == null ? EventHistory.NONE : new GitHistory(siteDir);
    }

    @Override
    public Versions of(Path file) {
        try (Repository repo = new FileRepositoryBuilder().readEnvironment().findGitDir(siteDir.toFile())
                .setMustExist(true).build()) {
            if (repo.isBare() || repo.getWorkTree() == null) {
                return NONE.of(file);
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) { // a repository with no commit yet
                return NONE.of(file);
            }
            Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath().normalize();
            if (!abs.startsWith(top) || abs.getParent() == null || !abs.getParent().startsWith(top)
                    || abs.getParent().equals(top)) {
                return NONE.of(file);
            }
            String rel = slashes(top.relativize(abs));
            String folder = slashes(top.relativize(abs.getParent()));
            // one walk per folder and commit: every event file's versions at once
            Map<String, Versions> all = known.computeIfAbsent(head.name() + ":" + folder, k -> read(repo, head, folder));
            return all.getOrDefault(rel, new Versions(List.of(), false, ""));
        } catch (IOException e) {
            return NONE.of(file); // an unreadable repository: the build goes on with sequences as written
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The versions of every file in {@code folder} (and below), oldest first, from HEAD's history. */
    private static Map<String, Versions> read(Repository repo, ObjectId head, String folder) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, ObjectId> last = new HashMap<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(folder), TreeFilter.ANY_DIFF));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                Map<String, ObjectId> now = new HashMap<>();
                try (TreeWalk tw = new TreeWalk(repo)) {
                    tw.addTree(c.getTree());
                    tw.setRecursive(true);
                    tw.setFilter(PathFilter.create(folder));
                    while (tw.next()) {
                        now.put(tw.getPathString(), tw.getObjectId(0));
                    }
                }
                for (Map.Entry<String, ObjectId> e : now.entrySet()) {
                    if (!e.getValue().equals(last.get(e.getKey()))) {
                        texts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(
                                new String(repo.open(e.getValue(), Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8));
                    }
                }
                last = now;
            }
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            Map<String, Versions> out = new HashMap<>();
            String where = repo.getWorkTree().toString();
            texts.forEach((path, t) -> out.put(path, new Versions(t, shallow, where)));
            return out;
        } catch (IOException | RuntimeException e) { // a damaged object: sequences as written
            return Map.of();
        }
    }
}
