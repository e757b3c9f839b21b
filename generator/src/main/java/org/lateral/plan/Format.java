package org.lateral.plan;

/** The format of one output file; {@link Kind#formats()} is the table of formats per kind. */
public enum Format {
    /** A page ({@code index.html}). */
    HTML,
    /** An Atom feed ({@code feed.xml}). */
    ATOM,
    /** An RSS 2.0 feed ({@code rss.xml}). */
    RSS,
    /** A JSON Feed ({@code feed.json}). */
    JSON_FEED,
    /** JSON data ({@code search-index.json}, {@code report.json}). */
    JSON,
    /** A script ({@code search-index.js}, the search index for pages opened from disk). */
    JAVASCRIPT,
    /** {@code sitemap.xml}. */
    SITEMAP_XML,
    /** Plain text ({@code robots.txt}, the digest's text). */
    TEXT,
    /** A spreadsheet's rows ({@code cpd/2024-25.csv}). */
    CSV,
    /** An OPML subscription list ({@code blogroll.opml}). */
    OPML
}
