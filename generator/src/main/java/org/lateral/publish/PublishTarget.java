package org.lateral.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/** Where a site is published: a git remote or a folder. */
sealed interface PublishTarget {

    /** A git remote: an address JGit can push to. */
    record Git(String url) implements PublishTarget {
        /** The address without any user name or password, for messages. */
        String shown() {
            return GitCredentials.withoutUserInfo(url);
        }

        boolean isSsh() {
            String u = url.toLowerCase(Locale.ROOT);
            return u.startsWith("ssh://") || u.startsWith("git@") || u.matches("^[\\w.-]+@[\\w.-]+:.*");
        }
    }

    /** A folder, such as a web server's document root or a mounted share. */
    record Folder(Path dir) implements PublishTarget {
    }

    /**
     * Reads a target as written in site.yaml or on the command line: an address with a scheme
     * ({@code https://}, {@code ssh://}, {@code file://}…) or {@code user@host:path} is a git remote; a
     * path is a folder (relative to the site folder), unless it is a git repository, which is then
     * pushed to.
     */
    static PublishTarget parse(String to, Path siteDir) {
        String t = to.strip();
        if (t.contains("://") || t.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            return new Git(t);
        }
        Path dir = siteDir.resolve(t).toAbsolutePath().normalize();
        if (Files.isDirectory(dir) && RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
            return new Git(dir.toUri().toString());
        }
        if (Files.isDirectory(dir.resolve(".git"))) {
            return new Git(dir.toUri().toString());
        }
        return new Folder(dir);
    }
}
