/**
 * The Lateral Maven plugin (goal prefix {@code lateral}): one small mojo per goal, each mapping its
 * parameters onto a request, calling {@link org.lateral.Lateral} and logging the result, and
 * {@link org.lateral.maven.AbstractLateralMojo}, which handles {@code lateral.skip} and turns
 * problems into build failures once for all of them. The Maven API lives here and nowhere else;
 * nothing here holds logic that the command line would also need.
 */
package org.lateral.maven;
