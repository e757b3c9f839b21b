/**
 * Starter content: a new site with example posts ({@code lateral new site}) and new posts
 * ({@code lateral new post}). Never overwrites a file.
 */
package org.lateral.scaffold;
