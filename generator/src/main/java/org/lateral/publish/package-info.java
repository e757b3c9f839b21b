/**
 * {@code lateral publish}: sends a clean build to a git branch (through JGit's plumbing, with no
 * working tree or checkout) or a folder (replaced atomically), then tells WebSub hubs and the sites a
 * post links to (Webmention). JGit is used only in this package. Entry point: {@link
 * org.lateral.publish.Publisher}, called by {@link org.lateral.Lateral#publish}.
 */
package org.lateral.publish;
