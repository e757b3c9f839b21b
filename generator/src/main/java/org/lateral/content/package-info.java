/**
 * Content discovery and reading: {@link org.lateral.content.Source} (a Markdown file split into front
 * matter and body, with line numbers), {@link org.lateral.content.FrontMatter}, and the loaders.
 * Depends on {@code config} for YAML; knows nothing of Markdown rendering or templates.
 */
package org.lateral.content;
