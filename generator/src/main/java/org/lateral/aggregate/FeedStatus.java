package org.lateral.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one feed this run, in words a network organiser or a member can act on.
 * Never an exception's class name; never the content of a file that was not a feed.
 *
 * <pre>{@code
 * FeedStatus s = FeedStatus.timedOut(Duration.ofSeconds(10));
 * s.message();  // "timed out after 10 s"
 * s.fix();      // "The blog's server did not answer in time. ..."
 * }</pre>
 *
 * @param kind     the outcome, for code and for the JSON report
 * @param message  what happened, in one short plain-English phrase
 * @param fix      what a member or organiser can do about it; empty when nothing is needed
 * @param httpCode the HTTP status behind the outcome, or 0
 * @param line     the line of the feed at fault (for malformed XML), or 0
 */
public record FeedStatus(Kind kind, String message, String fix, int httpCode, int line) {

    /** The outcomes. {@link #isSuccess()} says which ones produced entries from this run's fetch. */
    public enum Kind {
        OK, NOT_MODIFIED, TIMED_OUT, TOO_LARGE, HTTP_ERROR, GONE, NOT_FOUND, TOO_MANY_REDIRECTS, REDIRECT_LOOP,
        REDIRECT_TO_OTHER_SCHEME, BAD_REDIRECT, NOT_A_FEED, MALFORMED_XML, DOCTYPE_REFUSED, TOO_COMPLEX,
        CONNECTION_FAILED, EMPTY, UNREADABLE, INTERRUPTED, ADDRESS_REFUSED, NOT_READ_IN_TIME;

        /** The kind as it appears in the JSON report: {@code timed-out}, {@code not-a-feed}… */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean isSuccess() {
            return this == OK || this == NOT_MODIFIED;
        }
    }

    private static final String LATER = "Usually temporary: the hub tries again on its next run and keeps"
            + " showing the posts it already has. If it lasts for days, tell the blog's owner.";
    private static final String FIND_FEED = "Open the blog in a browser and look for its RSS or Atom link"
            + " (often /feed, /rss.xml or /atom.xml), then subscribe to that address.";
    private static final String OWNER_BROKEN = "The feed itself is broken, so only the blog's owner can mend it:"
            + " send them this message (an online checker such as https://validator.w3.org/feed/ shows the same).";

    public FeedStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean isSuccess() {
        return kind.isSuccess();
    }

    /** "message — fix: fix", as one line for the console. */
    public String format() {
        return fix.isEmpty() ? message : message + " — fix: " + fix;
    }

    public static FeedStatus ok() {
        return of(Kind.OK, "OK", "");
    }

    public static FeedStatus notModified() {
        return of(Kind.NOT_MODIFIED, "OK, not changed since the last run", "");
    }

    public static FeedStatus timedOut(Duration limit) {
        return of(Kind.TIMED_OUT, "timed out after " + seconds(limit),
                "The blog's server did not send the whole feed in time. " + LATER);
    }

    public static FeedStatus tooLarge(long limit, boolean afterDecompression) {
        return of(Kind.TOO_LARGE, "larger than the " + size(limit) + " limit"
                        + (afterDecompression ? " once unzipped" : ""),
                "Ask the blog's owner to put fewer posts in the feed (the latest 20 is plenty) or only summaries;"
                        + " or raise maxFeedSize in the hub's site.yaml.");
    }

    public static FeedStatus httpError(int code) {
        String fix;
        if (code == 401 || code == 403) {
            fix = "The server refuses to give the feed to the hub. Ask the blog's owner whether the feed is"
                    + " public and whether their server blocks feed readers.";
        } else if (code == 429) {
            fix = "The server asks the hub to come back later. " + LATER;
        } else if (code >= 500) {
            fix = "The blog's server had a problem. " + LATER;
        } else {
            fix = "Check the feed address; if it is right, tell the blog's owner.";
        }
        return new FeedStatus(Kind.HTTP_ERROR, "HTTP " + code + " " + reason(code), fix, code, 0);
    }

    public static FeedStatus gone() {
        return new FeedStatus(Kind.GONE, "HTTP 410 Gone: remove this subscription",
                "The blog's owner removed this feed on purpose. Remove the member's feed from the hub,"
                        + " or ask them for their new feed address.", 410, 0);
    }

    public static FeedStatus notFound() {
        return new FeedStatus(Kind.NOT_FOUND, "HTTP 404 Not Found: there is no feed at this address",
                "Check the address for typos; the blog may have moved its feed. " + FIND_FEED, 404, 0);
    }

    public static FeedStatus fileNotFound() {
        return of(Kind.NOT_FOUND, "file not found",
                "Check the path; a relative path is read from the hub's folder (or the OPML file's folder).");
    }

    public static FeedStatus tooManyRedirects(int max) {
        return of(Kind.TOO_MANY_REDIRECTS, "too many redirects (more than " + max + ")",
                "Open the address in a browser to see where the feed really is, and subscribe to that address.");
    }

    public static FeedStatus redirectLoop() {
        return of(Kind.REDIRECT_LOOP, "too many redirects: the address redirects round in a loop",
                "The server's redirects are broken; tell the blog's owner.");
    }

    public static FeedStatus redirectToOtherScheme(String scheme) {
        String message = scheme.equals("file") ? "redirect to a local file refused"
                : "redirect to a \"" + scheme + ":\" address refused";
        return of(Kind.REDIRECT_TO_OTHER_SCHEME, message,
                "A feed on the web may only redirect to another http or https address."
                        + " Ask the blog's owner for the feed's real address.");
    }

    public static FeedStatus badRedirect(int code) {
        return new FeedStatus(Kind.BAD_REDIRECT, "the server redirects (HTTP " + code + ") without a usable address",
                "The server's redirects are broken; tell the blog's owner.", code, 0);
    }

    public static FeedStatus notAFeed(boolean webPage) {
        return of(Kind.NOT_A_FEED, webPage ? "not a feed: this address returns a web page"
                        : "not a feed: this address returns something that is neither RSS nor Atom",
                FIND_FEED);
    }

    public static FeedStatus malformedXml(int line, String detail) {
        String where = line > 0 ? " at line " + line : "";
        String what = detail.isBlank() ? "" : ": " + detail;
        return new FeedStatus(Kind.MALFORMED_XML, "not well-formed XML" + where + what, OWNER_BROKEN, 0,
                Math.max(0, line));
    }

    public static FeedStatus doctypeRefused(int line) {
        return new FeedStatus(Kind.DOCTYPE_REFUSED, "the feed uses a DOCTYPE, which is not allowed",
                "A DOCTYPE can make a feed reader fetch other addresses or read files, so the hub refuses it."
                        + " Ask the blog's owner to remove the <!DOCTYPE …> declaration from the feed.", 0,
                Math.max(0, line));
    }

    public static FeedStatus tooComplex(String what) {
        return of(Kind.TOO_COMPLEX, "the feed is too complex to read safely: " + what,
                "No ordinary feed looks like this; tell the blog's owner their feed is damaged.");
    }

    public static FeedStatus connectionFailed(String why) {
        return of(Kind.CONNECTION_FAILED, why.isBlank() ? "could not connect" : "could not connect: " + why,
                "Check the address. If the blog opens in a browser, the problem is on the hub's side or passing. " + LATER);
    }

    public static FeedStatus empty() {
        return of(Kind.EMPTY, "the feed is empty", "The server sent nothing. " + LATER);
    }

    public static FeedStatus unreadable(String why) {
        return of(Kind.UNREADABLE, "the feed could not be read: " + why,
                "Check the address or path; if it is right, tell the blog's owner.");
    }

    /**
     * The address policy refused the address (or the one a redirect led to).
     *
     * @param why        "the address 10.0.0.5 is on a private network"
     * @param redirected true when a redirect led there
     */
    public static FeedStatus addressRefused(String why, boolean redirected) {
        return of(Kind.ADDRESS_REFUSED, "refused: " + why + (redirected ? ", where the feed's server redirected the hub"
                        : ""),
                "The hub reads feeds only from public internet addresses, so that no feed can make it reach"
                        + " this machine or an internal network. If this blog really is on your own network,"
                        + " allow its address in the hub's site.yaml, e.g. network: { allow: [\"10.1.2.3\"] },"
                        + " or run lateral aggregate with --allow-address 10.1.2.3.");
    }

    /** The feed was not finished within its own deadline, or the run's overall deadline came first. */
    public static FeedStatus notReadInTime(Duration limit, boolean wholeRun) {
        return of(Kind.NOT_READ_IN_TIME, wholeRun
                        ? "not read: the hub run's time limit of " + seconds(limit) + " was reached first"
                        : "reading the feed took longer than its " + seconds(limit) + " limit",
                wholeRun ? "Run the hub again; if it happens every time, raise runDeadline in the hub's site.yaml"
                        + " or lower timeout so one slow server cannot hold up the others."
                        : "The feed is unusually large or complicated. " + LATER);
    }

    /** A fault of Lateral itself while reading this feed: reported here, never stopping the run. */
    public static FeedStatus internalError() {
        return of(Kind.UNREADABLE, "the feed could not be read: Lateral failed while reading it",
                "This is a fault of Lateral, not of the feed: the hub carried on with the other feeds."
                        + " Please report it, with the feed's address, to the Lateral project.");
    }

    public static FeedStatus interrupted() {
        return of(Kind.INTERRUPTED, "not read: the hub run was stopped", "Run the hub again.");
    }

    private static FeedStatus of(Kind kind, String message, String fix) {
        return new FeedStatus(kind, message, fix, 0, 0);
    }

    /** "10 s", "1.5 s", "250 ms". */
    public static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " s";
    }

    /** "5 MB", "512 KB", "1.5 MB" (binary units, as in {@code maxFeedSize}). */
    public static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }

    private static String reason(int code) {
        switch (code) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 405: return "Method Not Allowed";
            case 406: return "Not Acceptable";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return code >= 500 ? "Server Error" : code >= 400 ? "Client Error" : "Unexpected Response";
        }
    }
}
