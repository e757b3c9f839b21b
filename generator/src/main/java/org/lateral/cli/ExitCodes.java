package org.lateral.cli;

/**
 * The exit codes of every {@code lateral} command.
 *
 * <ul>
 * <li>0 — done (the site was built)</li>
 * <li>1 — problems in the site's content, config or templates; nothing was written</li>
 * <li>2 — the command was used wrongly (an unknown option, a missing argument)</li>
 * <li>3 — Lateral itself failed (a disk error, a bug); the message says what</li>
 * <li>4 — {@code lateral aggregate} could not read a single feed: nothing was written and the
 *     previous hub is kept (feeds that fail while others are read do not change the exit code:
 *     they are reported, and the hub is built)</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    public static final int NO_FEED_READ = 4;

    private ExitCodes() {
    }
}
