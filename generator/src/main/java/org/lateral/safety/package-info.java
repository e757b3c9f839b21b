/**
 * Safety for untrusted input: the one {@link org.lateral.safety.Sanitizer} (a jsoup
 * {@code Safelist} built once and never changed) that every piece of HTML from outside the
 * site goes through, and the {@link org.lateral.safety.UrlPolicy} that decides which link
 * addresses may appear in published pages (http and https only, always absolute), the
 * {@link org.lateral.safety.AddressPolicy} that decides which network addresses anything in
 * Lateral may fetch from (public ones only, unless a site allows more), and the cooperative
 * {@link org.lateral.safety.Deadline} that bounds work on untrusted input.
 *
 * <p>This package depends on jsoup and the JDK only. It must not depend on the feed reader,
 * the renderer or any other Lateral package, so that it can be reviewed on its own.
 */
package org.lateral.safety;
