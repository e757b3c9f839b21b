/**
 * Groupings of pages: {@link org.lateral.taxonomy.Taxonomy} (tags, categories) and its
 * {@link org.lateral.taxonomy.Term}s, computed in one pass over immutable pages. Plain records;
 * no library types.
 */
package org.lateral.taxonomy;
