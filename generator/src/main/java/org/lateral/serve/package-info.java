/**
 * The preview server behind {@link org.lateral.Lateral#serve}: {@link org.lateral.serve.PreviewServer}
 * (builds through a {@link org.lateral.BuildSession} into a private folder, one build at a time),
 * {@link org.lateral.serve.SiteHandler} (GET and HEAD of that folder under the site's path, the live
 * script put into HTML as it is served), {@link org.lateral.serve.LiveEvents} (server-sent events),
 * {@link org.lateral.serve.TreeWatcher} / {@link org.lateral.serve.PollingWatcher} with
 * {@link org.lateral.serve.Ignored} and {@link org.lateral.serve.Debouncer}. Uses the JDK's
 * {@code com.sun.net.httpserver} and {@code WatchService} only.
 */
package org.lateral.serve;
