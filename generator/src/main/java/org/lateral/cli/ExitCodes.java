package org.lateral.cli;

/**
 * The exit codes of every {@code lateral} command.
 *
 * <ul>
 * <li>0 — done (the site was built)</li>
 * <li>1 — problems in the site's content, config or templates; nothing was written</li>
 * <li>2 — the command was used wrongly (an unknown option, a missing argument)</li>
 * <li>3 — Lateral itself failed (a disk error, a bug); the message says what</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
