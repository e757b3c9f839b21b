/**
 * The search index a build writes ({@code search-index.json}) for the theme's search page:
 * {@link org.lateral.search.SearchIndexWriter}. Reads the immutable site model; writes bytes, never
 * files (the build writes them). Depends on Jackson's streaming generator only.
 */
package org.lateral.search;
