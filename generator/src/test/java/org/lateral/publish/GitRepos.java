package org.lateral.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Local bare repositories for publish tests, read back with JGit and with the git command. */
final class GitRepos {

    private GitRepos() {
    }

    /** A new bare repository whose default branch is main, as GitHub's are. */
    static Path bare(Path dir) {
        try {
            Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call().close();
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String url(Path bare) {
        return bare.toUri().toString();
    }

    /** Runs {@code git} with the arguments and returns what it printed; fails on a non-zero exit. */
    static byte[] gitBytes(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String git(Path dir, String... args) {
        return new String(gitBytes(dir, args), StandardCharsets.UTF_8).strip();
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** The commit at the tip of a branch, read with JGit; null when the branch does not exist. */
    static RevCommit tip(Path bare, String branch) {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(Constants.R_HEADS + branch);
            return id == null ? null : walk.parseCommit(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path in the tip's tree, read with JGit. */
    static List<String> files(Path bare, String branch) {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo);
                TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve(Constants.R_HEADS + branch)).getTree());
            tree.setRecursive(true);
            List<String> out = new ArrayList<>();
            while (tree.next()) {
                out.add(tree.getPathString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's bytes at a branch's tip, read with JGit. */
    static byte[] blob(Path bare, String branch, String path) {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
            try (TreeWalk t = TreeWalk.forPath(repo, path, c.getTree())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                repo.open(t.getObjectId(0)).copyTo(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
