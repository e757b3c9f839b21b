/**
 * Atomic writing of a build: {@link org.lateral.output.StagedOutput} stages into a temporary folder
 * and swaps it in; {@link org.lateral.output.OutputGuard} refuses output folders that are not safe
 * to replace. Nothing outside the output folder (and its own staging folders) is ever deleted.
 * JDK only.
 */
package org.lateral.output;
