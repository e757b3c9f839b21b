/**
 * The immutable site model — {@link org.lateral.site.Site}, {@link org.lateral.site.Page},
 * {@link org.lateral.site.Author}, {@link org.lateral.site.Pager} —
 * and {@link org.lateral.site.SiteAssembler}, which turns sources into pages. Never imports
 * FreeMarker, Flexmark or Rome.
 */
package org.lateral.site;
