/**
 * The Flexmark wrapper: {@link org.lateral.markdown.MarkdownRenderer}, built once per build and
 * shared by every thread, and its result {@link org.lateral.markdown.Rendered} (HTML, summary,
 * table of contents, word count). Flexmark lives only here.
 */
package org.lateral.markdown;
