/**
 * Narrowly named helpers shared by several packages (slugs, "did you mean" suggestions, path
 * guards, files replaced whole). Not API; depends on the JDK only.
 */
package org.lateral.internal;
