/**
 * A site's settings: the {@link org.lateral.config.SiteConfig} record tree, loading
 * {@code site.yaml}, defaults and validation, and the position-keeping YAML reader
 * ({@link org.lateral.config.Yaml}) that front matter and data files share. Jackson's YAML format
 * lives here; nothing here renders or writes.
 */
package org.lateral.config;
