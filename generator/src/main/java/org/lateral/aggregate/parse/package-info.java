/**
 * Reading feeds: bytes become {@link org.lateral.aggregate.Entry} records. The
 * {@link org.lateral.aggregate.parse.FeedParser} decodes the bytes (BOM, XML declaration, HTTP
 * charset, and a windows-1252 fallback for mislabelled feeds), sniffs what they really are (a
 * web page is not a feed, whatever the Content-Type said), parses the XML with every dangerous
 * feature off ({@link org.lateral.aggregate.parse.SafeXml}: no DTDs, no external entities, no
 * XInclude, a depth and size limit), hands the tree to Rome, and normalises each entry (ids,
 * plain-text titles, lenient dates, absolute URLs honouring {@code xml:base}, sanitised HTML).
 *
 * <p>This is the only package that parses XML from outside (the OPML reader borrows its
 * {@link org.lateral.aggregate.parse.SafeXml}). Rome and JDOM types never leave it. It depends on
 * {@code org.lateral.safety} and the hub's data records, and must not fetch anything.
 */
package org.lateral.aggregate.parse;
