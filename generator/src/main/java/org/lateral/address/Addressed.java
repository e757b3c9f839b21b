package org.lateral.address;

/**
 * Something that lives at an {@link Address}: a page, an author's page, a tag, a series, the
 * archive. Templates keep reading its address as strings ({@code page.url}, {@code term.permalink}).
 */
public interface Addressed {

    /** Where it lives. */
    Address address();

    /** Its relative URL, base path included ({@code /cpd/tags/oracy/}). */
    default String url() {
        return address().url();
    }

    /** Its absolute URL. */
    default String permalink() {
        return address().permalink();
    }

    /** The folder of its page, relative to the output folder ({@code tags/oracy/}). */
    default String outputDir() {
        return address().outputDir();
    }
}
