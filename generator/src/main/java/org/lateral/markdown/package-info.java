/**
 * The commonmark-java wrapper: {@link org.lateral.markdown.MarkdownRenderer}, built once per build and
 * shared by every thread, and its result {@link org.lateral.markdown.Rendered} (HTML, summary,
 * table of contents, word count). commonmark-java lives only here.
 */
package org.lateral.markdown;
