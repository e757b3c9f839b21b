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
 * output folder as it was, either way.
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
}
