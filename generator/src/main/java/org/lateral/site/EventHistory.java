package org.lateral.site;

import java.nio.file.Path;
import java.util.List;

/**
 * Earlier versions of an event's file, so that its calendar {@code SEQUENCE} rises by itself each
 * time its time, place or status changed (RFC 5545 §3.8.7.4), with no state file for the teacher to
 * keep: the site's version control already remembers. {@link #NONE} knows no history (a site that
 * is not in a git repository): then only {@code sequence:} as written, or a changed status, count.
 */
@FunctionalInterface
public interface EventHistory {

    /** Knows nothing of earlier versions. */
    EventHistory NONE = file -> Versions.UNKNOWN;

    /**
     * The file's committed texts, oldest first (the same text twice in a row counted once), not
     * including uncommitted edits; empty when the file was never committed.
     */
    Versions of(Path file);

    /**
     * @param texts     the file's committed versions, oldest first
     * @param truncated whether older versions may be missing (a shallow clone), so that changes
     *                  before them can't be counted
     * @param where     where the history comes from, for messages (the repository's folder)
     */
    record Versions(List<String> texts, boolean truncated, String where) {

        static final Versions UNKNOWN = new Versions(List.of(), false, "");

        public Versions {
            texts = List.copyOf(texts);
        }
    }
}
