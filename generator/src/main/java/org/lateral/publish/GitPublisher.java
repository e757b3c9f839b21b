package org.lateral.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.PublishResult.Changes;

/**
 * Publishes a built site as the whole tree of one branch of a git remote, with JGit's plumbing: the
 * branch alone is fetched into a temporary bare repository, a tree is made from the site's files (no
 * working tree, no checkout, no line-ending conversion), compared with the branch's tip, committed
 * (on top of the tip, or with no parent for {@code --no-history}) and pushed with the tip it was made
 * from as the expected old value, so a publish that happened meanwhile is never overwritten: the push
 * is then rebuilt on the new tip once.
 *
 * <p>The tree gets {@code .nojekyll} (GitHub Pages would otherwise hide files starting with
 * {@code _}) and {@code CNAME}: the configured domain, else the site's own {@code CNAME}, else the one
 * already on the branch. Lateral's marker file is never included.
 */
final class GitPublisher {

    /** What to publish and how. */
    record Settings(String url, String shownUrl, String branch, Optional<String> cname, String message,
            boolean history, boolean dryRun, PersonIdent ident, GitCredentials credentials) {
    }

    /** What was done; {@code previous} holds the earlier version of the files asked for. */
    record Outcome(Changes changes, Optional<String> commit, boolean retried, Map<String, byte[]> previous) {
    }

    static final String NOJEKYLL = ".nojekyll";
    static final String CNAME = "CNAME";
    private static final int TIMEOUT_SECONDS = 120;

    private final Settings settings;
    private final String ref;
    /** Runs just before each push with the attempt's number (1, 2); tests publish concurrently from here. */
    private java.util.function.IntConsumer beforePush = attempt -> { };

    GitPublisher(Settings settings) {
        this.settings = settings;
        this.ref = Constants.R_HEADS + settings.branch();
    }

    GitPublisher beforePush(java.util.function.IntConsumer hook) {
        this.beforePush = hook;
        return this;
    }

    /**
     * @param site       the built site
     * @param keepOld    which paths' earlier versions to return (for Webmention)
     */
    Outcome publish(Path site, Predicate<String> keepOld) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lateral-publish-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder to publish from", e);
        }
        try (Repository repo = new FileRepository(tmp.toFile())) {
            repo.create(true);
            Map<String, Path> files = SiteFiles.list(site);
            for (int attempt = 1; ; attempt++) {
                Optional<RevCommit> tip = fetch(repo);
                ObjectId tree = tree(repo, files, tip);
                Map<String, byte[]> previous = new HashMap<>();
                Changes changes = diff(repo, tip, tree, keepOld, previous);
                if (changes.isEmpty() || settings.dryRun()) {
                    return new Outcome(changes, Optional.empty(), attempt > 1, previous);
                }
                ObjectId commit = commit(repo, tree, tip.filter(t -> settings.history()));
                beforePush.accept(attempt);
                RemoteRefUpdate.Status status = push(repo, commit, tip);
                if (status == RemoteRefUpdate.Status.OK) {
                    return new Outcome(changes, Optional.of(commit.abbreviate(7).name()), attempt > 1, previous);
                }
                if (attempt == 2) {
                    throw new LateralException(Problem.general("the branch " + settings.branch() + " of "
                            + settings.shownUrl() + " changed again while Lateral was publishing on top of it:"
                            + " someone else is publishing this site at the same time; nothing was published",
                            "wait until the other publish (a CI job, or a colleague) has finished, then run"
                                    + " lateral publish again"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the commit in " + tmp, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Fetches only the branch; its tip, if it exists. */
    private Optional<RevCommit> fetch(Repository repo) throws IOException {
        String tracking = Constants.R_REMOTES + "origin/" + settings.branch();
        try {
            Map<String, Ref> remote = Git.lsRemoteRepository().setRemote(settings.url()).setHeads(true)
                    .setTimeout(TIMEOUT_SECONDS).setCredentialsProvider(credentials()).callAsMap();
            if (!remote.containsKey(ref)) {
                return Optional.empty();
            }
            try (Git git = Git.wrap(repo)) {
                git.fetch().setRemote(settings.url()).setRefSpecs(new RefSpec("+" + ref + ":" + tracking))
                        .setTimeout(TIMEOUT_SECONDS).setCredentialsProvider(credentials()).call();
            }
        } catch (GitAPIException | RuntimeException e) {
            throw unreachable(e);
        }
        Ref tip = repo.exactRef(tracking);
        if (tip == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return Optional.of(walk.parseCommit(tip.getObjectId()));
        }
    }

    private ObjectId tree(Repository repo, Map<String, Path> files, Optional<RevCommit> tip) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                if (f.getKey().equals(CNAME) && settings.cname().isPresent()) {
                    continue;
                }
                long size = Files.size(f.getValue());
                try (InputStream in = Files.newInputStream(f.getValue())) {
                    builder.add(entry(f.getKey(), inserter.insert(Constants.OBJ_BLOB, size, in)));
                }
            }
            if (!files.containsKey(NOJEKYLL)) {
                builder.add(entry(NOJEKYLL, inserter.insert(Constants.OBJ_BLOB, new byte[0])));
            }
            if (settings.cname().isPresent()) {
                byte[] cname = (settings.cname().get() + "\n").getBytes(StandardCharsets.UTF_8);
                builder.add(entry(CNAME, inserter.insert(Constants.OBJ_BLOB, cname)));
            } else if (!files.containsKey(CNAME) && tip.isPresent()) {
                try (TreeWalk walk = TreeWalk.forPath(repo, CNAME, tip.get().getTree())) {
                    if (walk != null && walk.getFileMode(0).equals(FileMode.REGULAR_FILE)) {
                        builder.add(entry(CNAME, walk.getObjectId(0)));
                    }
                }
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    private static DirCacheEntry entry(String path, ObjectId blob) {
        DirCacheEntry e = new DirCacheEntry(path);
        e.setFileMode(FileMode.REGULAR_FILE);
        e.setObjectId(blob);
        return e;
    }

    private static Changes diff(Repository repo, Optional<RevCommit> tip, ObjectId tree, Predicate<String> keepOld,
            Map<String, byte[]> previous) throws IOException {
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.setRecursive(true);
            if (tip.isPresent()) {
                walk.addTree(tip.get().getTree());
            } else {
                walk.addTree(new EmptyTreeIterator());
            }
            walk.addTree(tree);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                String path = walk.getPathString();
                boolean before = walk.getRawMode(0) != 0;
                boolean after = walk.getRawMode(1) != 0;
                if (before && keepOld.test(path)) {
                    previous.put(path, repo.open(walk.getObjectId(0)).getCachedBytes(8 << 20));
                }
                (before && after ? modified : after ? added : removed).add(path);
            }
        }
        return new Changes(added, modified, removed);
    }

    private ObjectId commit(Repository repo, ObjectId tree, Optional<RevCommit> parent) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        parent.ifPresent(commit::setParentId);
        commit.setAuthor(settings.ident());
        commit.setCommitter(settings.ident());
        commit.setMessage(settings.message().endsWith("\n") ? settings.message() : settings.message() + "\n");
        ObjectId id;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            id = inserter.insert(commit);
            inserter.flush();
        }
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.update();
        return id;
    }

    /** Pushes with the tip the commit was made from as the expected old value. */
    private RemoteRefUpdate.Status push(Repository repo, ObjectId commit, Optional<RevCommit> tip) {
        try (Transport transport = Transport.open(repo, new URIish(settings.url()))) {
            transport.setCredentialsProvider(credentials());
            transport.setTimeout(TIMEOUT_SECONDS);
            RemoteRefUpdate update = new RemoteRefUpdate(repo, ref, ref, !settings.history(), null,
                    tip.<ObjectId>map(RevCommit::getId).orElse(ObjectId.zeroId()));
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            RemoteRefUpdate done = result.getRemoteUpdate(ref);
            switch (done.getStatus()) {
                case OK, UP_TO_DATE:
                    return RemoteRefUpdate.Status.OK;
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                    return done.getStatus();
                default:
                    String why = done.getMessage() == null ? done.getStatus().toString() : done.getMessage();
                    throw new LateralException(Problem.general("the git remote " + settings.shownUrl()
                            + " refused the new commit on " + settings.branch() + ": "
                            + settings.credentials().redact(why) + "; nothing was published",
                            "check that the branch is not protected against pushes and that the account (or token)"
                                    + " may push to it; on GitHub the workflow needs permissions: contents: write"));
            }
        } catch (java.net.URISyntaxException e) {
            throw new LateralException(Problem.general("\"" + settings.shownUrl() + "\" is not a git address",
                    "write it as https://github.com/you/your-blog.git"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof LateralException le) {
                throw le;
            }
            throw unreachable(e);
        }
    }

    private CredentialsProvider credentials() {
        return settings.credentials().provider();
    }

    /** A transport failure as a problem for the user, with every secret taken out. */
    private LateralException unreachable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof TransportException)) {
            cause = cause.getCause();
        }
        String detail = settings.credentials().redact(cause.getMessage());
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        String fix;
        if (cause instanceof NoRemoteRepositoryException || lower.contains("not found")) {
            fix = "check the address; for a folder on this computer, create the repository first with"
                    + " git init --bare";
        } else if (lower.contains("auth") || lower.contains("401") || lower.contains("403")
                || lower.contains("credentials")) {
            fix = settings.credentials().hasToken()
                    ? "the token in " + GitCredentials.TOKEN + " was refused: check that it has not expired and"
                            + " may push to the repository (GitHub: contents: write; GitLab: write_repository)"
                    : "put a token that may push to the repository in the environment variable "
                            + GitCredentials.TOKEN + " (see Publishing in the README)";
        } else if (cause instanceof NotSupportedException) {
            fix = "use an https:// address with a token in " + GitCredentials.TOKEN + ", or a file:// address";
        } else {
            fix = "check the address and the network connection, then run lateral publish again";
        }
        return new LateralException(Problem.general("cannot reach the git remote " + settings.shownUrl() + ": "
                + detail + "; nothing was published", fix));
    }

    static PersonIdent ident(String name, String email, Instant when) {
        return new PersonIdent(name, email, when, ZoneOffset.UTC);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
