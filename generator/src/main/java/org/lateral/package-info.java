/**
 * Lateral's public API: the {@link org.lateral.Lateral} facade, its request and result records,
 * {@link org.lateral.Problem} and {@link org.lateral.LateralException}. The CLI, the Maven plugin
 * and the end-to-end tests use only this package.
 */
package org.lateral;
