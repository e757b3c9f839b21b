package org.lateral.serve;

import java.io.Closeable;

/** Reports changed files of the site to a {@link Debouncer} until closed. */
interface Watcher extends Closeable {

    /** How it watches, for the start-up line ("file events", "polling every 500 ms"). */
    String how();

    @Override
    void close();
}
