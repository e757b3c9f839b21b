package org.lateral;

import org.lateral.pipeline.Session;

/**
 * Builds one site again and again in one process, cheaply: what the command line's one-shot
 * build, the tests and a preview server share. The Markdown engine is made once; an unchanged
 * post is not converted again; a rebuild after an edit re-renders only the outputs the edit can
 * affect (its page, the first page of each list showing it, its feeds, the search index, the
 * sitemap) and writes only the files whose bytes changed. {@link BuildResult#work()} says what
 * each build did. A change a rebuild cannot follow output by output (settings, templates, data,
 * static files, front matter, a post added or removed) makes a clean build; an error leaves the
 * output folder as it was, either way, and the next good build writes what the failed one could not.
 *
 * <p>What is kept between builds, and what throws it away, is in {@code docs/architecture.md}
 * ("Incremental rebuilds"): file reads by size and modification time, converted Markdown by
 * content, each post's page, the site's lists while only bodies change, the settings and the
 * template engine while their files are the same. In-place writes hold the output folder's lock
 * and are all or nothing as far as the file system allows. A preview server keeps one session per
 * site and calls {@link #build} after each batch of saved files, into a folder of its own
 * ({@link BuildRequest#withOutput}); {@link BuildResult#work()} says whether the build was
 * incremental and which output paths it rendered (the pages to reload). One build at a time:
 * calls are serialised.
 *
 * <pre>{@code
 * BuildSession session = Lateral.session();
 * session.build(request);                 // clean build
 * // ... a teacher edits one post ...
 * BuildResult r = session.build(request); // r.work().rendered() is a handful
 * }</pre>
 */
public final class BuildSession {

    private final Session session = new Session();

    BuildSession() {
    }

    /** Builds the site, incrementally when the last build of this session allows it. */
    public BuildResult build(BuildRequest request) {
        return session.build(request);
    }

    /**
     * The same, told which files changed since this session's last build (a preview's watcher
     * knows): when they are all Markdown files under {@code content/} that the last build read,
     * only they are stat-ed and read again, and the settings, templates, data and static files are
     * taken as the last build found them; a front-matter change is still a one-file read (the
     * lists are grouped again). A new, deleted or renamed file, a folder, or any file outside
     * {@code content/} makes the build look at every file, as {@link #build(BuildRequest)} does.
     * The output is the same either way: the caller must not leave out a file that changed.
     *
     * @param changed the changed files (absolute, or relative to the working folder); null or
     *                empty: unknown, look at everything
     */
    public BuildResult build(BuildRequest request, java.util.Set<java.nio.file.Path> changed) {
        return session.build(request, changed);
    }
}
