package org.lateral.markdown;

/**
 * {@code text.indexOf(needle, from)} for searches whose {@code from} only grows, remembering the
 * last answer: a scan that looks for a closing {@code </h2>} after each of 20,000 unclosed
 * {@code <h2 id="…">} reads the text once, not 20,000 times. Not thread-safe; one per scan.
 */
final class NextIndex {

    private final String text;
    private final String needle;
    private int from = -1;
    private int at;

    NextIndex(String text, String needle) {
        this.text = text;
        this.needle = needle;
    }

    /** The first index of the needle at or after {@code position}, or -1. */
    int from(int position) {
        if (from >= 0 && position >= from && (at < 0 || position <= at)) {
            return at;
        }
        from = position;
        at = text.indexOf(needle, position);
        return at;
    }
}
