/**
 * {@code lateral check}: what a reader would meet broken on a site, named at the teacher's own
 * Markdown line (or the template or setting a problem comes from, once), from a build in memory
 * ({@link org.lateral.pipeline.InMemoryBuild}); outside links over the JDK's HttpClient under the
 * site's {@link org.lateral.safety.AddressPolicy}. jsoup reads rendered pages and raw HTML here;
 * Jackson writes the JSON report and the link cache. Nothing here writes the site.
 */
package org.lateral.check;
