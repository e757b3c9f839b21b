/**
 * Groupings of pages: {@link org.lateral.taxonomy.Taxonomy} (tags, categories) and its
 * {@link org.lateral.taxonomy.Term}s, {@link org.lateral.taxonomy.Series} (in reading order, grouped
 * by {@link org.lateral.taxonomy.SeriesGrouper}), the {@link org.lateral.taxonomy.Archive} by year,
 * month and academic year, and {@link org.lateral.taxonomy.Related} posts — each computed in one
 * pass over immutable pages. Plain records; no library types, no FreeMarker, Flexmark or Rome.
 */
package org.lateral.taxonomy;
