/**
 * Templates: {@link org.lateral.render.TemplateRenderer} (FreeMarker with HTML auto-escaping,
 * built once per build), {@link org.lateral.render.Theme} and its loader, and the theme's words
 * ({@link org.lateral.render.Strings}). FreeMarker lives only here; templates receive the
 * {@code site} package's records.
 */
package org.lateral.render;
