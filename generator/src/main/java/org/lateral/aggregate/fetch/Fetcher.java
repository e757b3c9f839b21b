package org.lateral.aggregate.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import javax.net.ssl.SSLException;

import org.lateral.aggregate.FeedLocation;
import org.lateral.aggregate.FeedStatus;
import org.lateral.aggregate.HubSettings;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.UrlPolicy;

/**
 * Fetches one feed, from the web or from disk, within the limits of {@link HubSettings}.
 *
 * <ul>
 *   <li><b>Deadline.</b> The whole request (connecting, every redirect, headers, body) must finish
 *       within {@link HubSettings#timeout()}. A server that accepts and never answers, or trickles
 *       its headers or body a byte at a time, is abandoned at the deadline and its connection
 *       closed.</li>
 *   <li><b>Size.</b> A {@code Content-Length} above {@link HubSettings#maxFeedSize()} is refused
 *       before reading; otherwise bytes are counted as they stream and reading stops at the cap.
 *       {@code Accept-Encoding: gzip} is sent, and the cap is applied again to the unzipped bytes
 *       (a gzip bomb stops at the cap).</li>
 *   <li><b>Redirects</b> are followed here, not by the client: at most {@value #MAX_REDIRECTS},
 *       never twice to the same address (a loop), and only from http(s) to http(s).</li>
 *   <li><b>Addresses:</b> before the first request and every redirect, the host's addresses are
 *       resolved and checked against {@link HubSettings#addressPolicy()} ({@link AddressPolicy}):
 *       loopback, private, link-local and other internal addresses are refused unless allowed.</li>
 *   <li><b>Conditional GET:</b> the validators passed in are sent; a 304 is reported as
 *       NOT_MODIFIED and the caller reuses its cached body.</li>
 *   <li><b>Local feeds</b> (a path or {@code file:} URL in the hub's own configuration) are read
 *       from disk under the same size cap. A feed on the web can never make the hub read a file.</li>
 * </ul>
 *
 * <pre>{@code
 * Fetcher fetcher = new Fetcher(HubSettings.defaults(cacheDir));
 * FetchResult result = fetcher.fetch(subscription.feed(), Validators.NONE);
 * if (result.status().isSuccess()) { ... result.body() ... }
 * }</pre>
 *
 * <p>Build one per run; it holds one {@link HttpClient} and is safe to share between threads. At
 * most {@link HubSettings#concurrency()} fetches run at once; more calls wait their turn (the
 * wait does not count against their deadline).
 */
public final class Fetcher {

    /** The most redirects followed for one feed. */
    public static final int MAX_REDIRECTS = 10;

    private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9,"
            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:\\-]+)");

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final Semaphore permits;
    private final AddressPolicy addresses;

    public Fetcher(HubSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.timeout = settings.timeout();
        this.maxBytes = settings.maxFeedSize();
        this.userAgent = settings.userAgent();
        this.permits = new Semaphore(settings.concurrency(), true);
        this.addresses = settings.addressPolicy();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * Fetches a feed. Never throws for anything the feed or its server does: every outcome is a
     * {@link FeedStatus}.
     *
     * @param location   where the feed is
     * @param validators validators of the cached body, or {@link Validators#NONE}
     */
    public FetchResult fetch(FeedLocation location, Validators validators) {
        return fetch(location, validators, Long.MAX_VALUE);
    }

    /**
     * Like {@link #fetch(FeedLocation, Validators)}, finishing by {@code deadline} (a
     * {@link System#nanoTime()} value: the end of the feed's own deadline) when that comes before
     * the request timeout.
     */
    public FetchResult fetch(FeedLocation location, Validators validators, long deadline) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(validators, "validators");
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failed(FeedStatus.interrupted(), location.uri(), Duration.ZERO);
        }
        long start = System.nanoTime();
        try {
            if (location instanceof FeedLocation.Local) {
                return readLocal(((FeedLocation.Local) location).path(), start);
            }
            return fetchRemote(location.uri(), validators, start, deadline);
        } finally {
            permits.release();
        }
    }

    private FetchResult fetchRemote(URI original, Validators validators, long start, long feedDeadline) {
        long deadline = feedDeadline - start < timeout.toNanos() ? feedDeadline : start + timeout.toNanos();
        URI current = original;
        boolean allPermanent = true;
        Set<String> seen = new HashSet<>();
        seen.add(loopKey(current));
        for (int redirects = 0; ; ) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return failed(FeedStatus.timedOut(timeout), current, start);
            }
            // The address policy, on the addresses the name resolves to, for the first request and every redirect.
            Optional<String> refused;
            try {
                refused = addresses.refusal(current);
            } catch (UnknownHostException e) {
                return failed(FeedStatus.connectionFailed("the server's name is unknown (check the address)"),
                        current, start);
            }
            if (refused.isPresent()) {
                return failed(FeedStatus.addressRefused(refused.get(), redirects > 0), current, start);
            }
            remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return failed(FeedStatus.timedOut(timeout), current, start);
            }
            HttpRequest request = request(current, validators, remaining);
            CompletableFuture<HttpResponse<BodyCollector>> pending =
                    client.sendAsync(request, info -> collectorFor(info));
            HttpResponse<BodyCollector> response;
            try {
                response = pending.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return failed(FeedStatus.timedOut(timeout), current, start);
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                return failed(FeedStatus.interrupted(), current, start);
            } catch (ExecutionException e) {
                return failed(describe(e.getCause()), current, start);
            }
            int code = response.statusCode();
            BodyCollector body = response.body();
            if (isRedirect(code)) {
                body.abandon();
                Optional<String> location = response.headers().firstValue("location");
                if (location.isEmpty()) {
                    return failed(FeedStatus.badRedirect(code), current, start);
                }
                Optional<String> scheme = UrlPolicy.schemeOf(location.get());
                if (scheme.isPresent() && !scheme.get().equals("http") && !scheme.get().equals("https")) {
                    return failed(FeedStatus.redirectToOtherScheme(scheme.get()), current, start);
                }
                Optional<URI> next = UrlPolicy.resolveWeb(location.get(), current);
                if (next.isEmpty()) {
                    return failed(FeedStatus.badRedirect(code), current, start);
                }
                if (redirects == MAX_REDIRECTS) {
                    return failed(FeedStatus.tooManyRedirects(MAX_REDIRECTS), current, start);
                }
                if (!seen.add(loopKey(next.get()))) {
                    return failed(FeedStatus.redirectLoop(), current, start);
                }
                allPermanent &= code == 301 || code == 308;
                redirects++;
                current = next.get();
                continue;
            }
            if (code == 304) {
                body.abandon();
                Optional<URI> moved = movedTo(original, current, allPermanent);
                return new FetchResult(FeedStatus.notModified(), new byte[0], Optional.empty(), current, moved,
                        validators, elapsed(start));
            }
            if (code < 200 || code > 299) {
                body.abandon();
                return failed(code == 404 ? FeedStatus.notFound() : code == 410 ? FeedStatus.gone()
                        : FeedStatus.httpError(code), current, start);
            }
            return readBody(response, original, current, allPermanent, deadline, start);
        }
    }

    private FetchResult readBody(HttpResponse<BodyCollector> response, URI original, URI current,
                                 boolean allPermanent, long deadline, long start) {
        BodyCollector body = response.body();
        HttpHeaders headers = response.headers();
        if (headers.firstValueAsLong("content-length").orElse(-1) > maxBytes) {
            body.abandon();
            return failed(FeedStatus.tooLarge(maxBytes, false), current, start);
        }
        byte[] raw;
        try {
            raw = body.bytes().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            body.abandon();
            return failed(FeedStatus.timedOut(timeout), current, start);
        } catch (InterruptedException e) {
            body.abandon();
            Thread.currentThread().interrupt();
            return failed(FeedStatus.interrupted(), current, start);
        } catch (ExecutionException e) {
            body.abandon();
            return failed(describe(e.getCause()), current, start);
        }
        String encoding = headers.firstValue("content-encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            try {
                raw = gunzip(raw);
            } catch (BodyCollector.TooLargeException e) {
                return failed(FeedStatus.tooLarge(maxBytes, true), current, start);
            } catch (IOException e) {
                return failed(FeedStatus.unreadable("the server's compressed (gzip) data is broken"), current, start);
            }
        }
        Optional<String> charset = headers.firstValue("content-type").map(CHARSET::matcher)
                .filter(Matcher::find).map(m -> m.group(1));
        Validators validators = new Validators(headers.firstValue("etag"), headers.firstValue("last-modified"));
        return new FetchResult(FeedStatus.ok(), raw, charset, current, movedTo(original, current, allPermanent),
                validators, elapsed(start));
    }

    private HttpRequest request(URI uri, Validators validators, long remainingNanos) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remainingNanos))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        if (uri.getScheme().equalsIgnoreCase("http")) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        validators.etag().ifPresent(etag -> builder.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> builder.header("If-Modified-Since", date));
        return builder.build();
    }

    private BodyCollector collectorFor(HttpResponse.ResponseInfo info) {
        int code = info.statusCode();
        long length = info.headers().firstValueAsLong("content-length").orElse(-1);
        boolean refuse = code < 200 || code > 299 || length > maxBytes;
        return new BodyCollector(maxBytes, length, refuse);
    }

    private byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            return readCapped(in);
        }
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(chunk)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new BodyCollector.TooLargeException();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private FetchResult readLocal(Path path, long start) {
        URI uri = path.toUri();
        try {
            if (Files.isDirectory(path)) {
                return failed(FeedStatus.unreadable("this is a folder, not a feed file"), uri, start);
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                return failed(FeedStatus.unreadable("this is not an ordinary file"), uri, start);
            }
            if (Files.size(path) > maxBytes) {
                return failed(FeedStatus.tooLarge(maxBytes, false), uri, start);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = readCapped(in);
            }
            return new FetchResult(FeedStatus.ok(), bytes, Optional.empty(), uri, Optional.empty(), Validators.NONE,
                    elapsed(start));
        } catch (NoSuchFileException e) {
            return failed(FeedStatus.fileNotFound(), uri, start);
        } catch (BodyCollector.TooLargeException e) {
            return failed(FeedStatus.tooLarge(maxBytes, false), uri, start);
        } catch (AccessDeniedException e) {
            return failed(FeedStatus.unreadable("permission to read the file was denied"), uri, start);
        } catch (IOException e) {
            return failed(FeedStatus.unreadable("the file could not be read"), uri, start);
        }
    }

    /** Turns what went wrong on the wire into words; the exception itself is never shown. */
    private FeedStatus describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return FeedStatus.timedOut(timeout);
            }
            if (t instanceof BodyCollector.TooLargeException) {
                return FeedStatus.tooLarge(maxBytes, false);
            }
            if (t instanceof CancellationException) {
                return FeedStatus.timedOut(timeout);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return FeedStatus.connectionFailed("the server's name is unknown (check the address)");
            }
            if (t instanceof SSLException) {
                return FeedStatus.connectionFailed("the secure (https) connection failed");
            }
            if (t instanceof ConnectException) {
                return FeedStatus.connectionFailed("nothing answers at this address");
            }
        }
        return FeedStatus.connectionFailed("the connection broke before the feed arrived");
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static String loopKey(URI uri) {
        String s = uri.normalize().toString();
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    private static Optional<URI> movedTo(URI original, URI current, boolean allPermanent) {
        return allPermanent && !original.equals(current) ? Optional.of(current) : Optional.empty();
    }

    private static FetchResult failed(FeedStatus status, URI uri, long start) {
        return FetchResult.failed(status, uri, elapsed(start));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
