package org.lateral.site;

/** What a page is, in Hugo's vocabulary; templates are chosen by kind. */
public enum Kind {
    /** The (paginated) home page listing the latest posts. */
    HOME,
    /** A dated post: a reflection, an event write-up. */
    POST,
    /** A standalone page: about, CPD record. */
    PAGE,
    /** The list of all terms of a taxonomy (all tags). */
    TAXONOMY,
    /** One term's posts (one tag). */
    TERM,
    /** One author's posts. */
    AUTHOR,
    /** The page shown for an address that does not exist. */
    NOT_FOUND
}
