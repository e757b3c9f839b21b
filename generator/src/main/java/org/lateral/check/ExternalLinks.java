package org.lateral.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lateral.Lateral;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.Deadline;
import org.lateral.safety.UrlPolicy;

/**
 * Checks links that leave the site ({@code --external}) with the JDK's HttpClient: each address
 * once, several at a time but at most {@value #PER_HOST} at once per host; {@code HEAD} first, then
 * {@code GET} when a server does not answer {@code HEAD} properly; one deadline for the whole of an
 * address's requests, redirects included; redirects followed by hand, each address on the way
 * checked against the site's {@link AddressPolicy} (public addresses only unless
 * {@code network: allow:} or {@code --allow-address} allows more); answers kept in a
 * {@link LinkCache}.
 */
final class ExternalLinks {

    static final int PER_HOST = 2;
    static final int AT_ONCE = 8;
    static final int MAX_REDIRECTS = 10;

    /** What an address's server said, in the terms of the check. */
    enum Outcome { WORKS, MOVED, BROKEN, UNCHECKED }

    /**
     * @param outcome what it means
     * @param status  the HTTP status that decided it (0 when none)
     * @param movedTo for {@link Outcome#MOVED}: the new address
     * @param why     for {@link Outcome#UNCHECKED} and some {@link Outcome#BROKEN}: why, in plain words
     */
    record Answer(Outcome outcome, int status, String movedTo, String why) {
    }

    private final AddressPolicy policy;
    private final Duration timeout;
    private final LinkCache cache;
    private final HttpClient client;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    ExternalLinks(AddressPolicy policy, Duration timeout, LinkCache cache) {
        this.policy = policy;
        this.timeout = timeout;
        this.cache = cache;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Checks every distinct address; the answers by address, in the order given. */
    Map<URI, Answer> check(List<URI> uris) {
        Map<URI, Future<Answer>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE, r -> {
            Thread t = new Thread(r, "lateral-check");
            t.setDaemon(true);
            return t;
        });
        try {
            for (URI uri : uris) {
                pending.putIfAbsent(uri, pool.submit(() -> answer(uri)));
            }
            Map<URI, Answer> out = new LinkedHashMap<>();
            for (Map.Entry<URI, Future<Answer>> e : pending.entrySet()) {
                try {
                    out.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    out.put(e.getKey(), new Answer(Outcome.UNCHECKED, 0, "", "the check failed: " + ex.getCause()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    out.put(e.getKey(), new Answer(Outcome.UNCHECKED, 0, "", "the check was interrupted"));
                }
            }
            if (!out.isEmpty() && out.values().stream().allMatch(a -> a.status() == 0)) {
                // no server answered at all: names that do not resolve say more about this machine
                // (offline, no DNS) than about the links
                out.replaceAll((uri, a) -> a.outcome() == Outcome.BROKEN ? new Answer(Outcome.UNCHECKED, 0, "",
                        a.why() + "; no outside server answered, so this machine may be offline") : a);
                out.forEach((uri, a) -> cache.forget(uri.toString()));
            }
            cache.save();
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer answer(URI uri) {
        String key = uri.toString();
        Optional<Answer> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Semaphore host = hosts.computeIfAbsent(String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT),
                h -> new Semaphore(PER_HOST, true));
        try {
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.UNCHECKED, 0, "", "the check was interrupted");
        }
        try {
            Answer a = fetch(uri, Deadline.in(timeout));
            cache.put(key, a);
            return a;
        } finally {
            host.release();
        }
    }

    /** HEAD, then GET when HEAD is refused or fails; both within the one deadline. */
    private Answer fetch(URI uri, Deadline deadline) {
        Answer head = follow(uri, "HEAD", deadline);
        if (head.outcome() == Outcome.WORKS || head.outcome() == Outcome.MOVED || deadline.passed()
                || head.why().startsWith("not checked") || head.status() == 429) {
            return head;
        }
        Answer get = follow(uri, "GET", deadline);
        return get.outcome() == Outcome.UNCHECKED && head.outcome() == Outcome.BROKEN ? head : get;
    }

    private Answer follow(URI start, String method, Deadline deadline) {
        URI current = start;
        boolean permanent = false;
        for (int hop = 0; ; hop++) {
            if (deadline.passed()) {
                return timedOut();
            }
            try {
                Optional<String> refused = policy.refusal(current);
                if (refused.isPresent()) {
                    return new Answer(Outcome.UNCHECKED, 0, "", "not checked: " + refused.get()
                            + (hop > 0 ? " (where " + start + " redirects)" : ""));
                }
            } catch (UnknownHostException e) {
                return new Answer(Outcome.BROKEN, 0, "", "there is no server called " + current.getHost());
            }
            HttpRequest request = HttpRequest.newBuilder(current)
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofNanos(Math.max(1, deadline.remainingNanos())))
                    .header("User-Agent", "Lateral/" + Lateral.version() + " (link check)")
                    .header("Accept", "text/html, */*;q=0.5")
                    .build();
            CompletableFuture<HttpResponse<InputStream>> future =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> response;
            try {
                response = future.get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return timedOut();
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new Answer(Outcome.UNCHECKED, 0, "", "the check was interrupted");
            } catch (ExecutionException e) {
                return failed(e.getCause());
            }
            try (InputStream body = response.body()) {
                // the body is not needed: closing it ends the request
            } catch (IOException e) {
                // nothing to do
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("location");
                Optional<URI> next = location.flatMap(l -> UrlPolicy.resolveWeb(l, response.uri()));
                if (next.isEmpty()) {
                    return new Answer(Outcome.BROKEN, status, "", "it redirects (" + status + ") to no usable address");
                }
                if (hop == MAX_REDIRECTS) {
                    return new Answer(Outcome.BROKEN, status, "", "it redirects more than " + MAX_REDIRECTS + " times");
                }
                permanent |= hop == 0 && (status == 301 || status == 308);
                current = next.get();
                continue;
            }
            if (status >= 200 && status < 300) {
                return permanent ? new Answer(Outcome.MOVED, status, current.toString(), "")
                        : new Answer(Outcome.WORKS, status, "", "");
            }
            if (status == 429 || status == 403 || status == 401) {
                return new Answer(Outcome.UNCHECKED, status, "", status == 429
                        ? "the server asked for fewer requests (429 Too Many Requests)"
                        : "the server does not let checkers in (" + status + ")");
            }
            if (status >= 500) {
                return new Answer(Outcome.UNCHECKED, status, "", "the server had a problem (" + status + ")");
            }
            return new Answer(Outcome.BROKEN, status, "", status == 404 || status == 410
                    ? "the server says there is no such page (" + status + ")" : "the server answered " + status);
        }
    }

    private Answer timedOut() {
        long s = Math.max(1, timeout.toSeconds());
        return new Answer(Outcome.UNCHECKED, 0, "", "it did not answer within " + s + (s == 1 ? " second" : " seconds"));
    }

    private Answer failed(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof ConnectException) {
            return new Answer(Outcome.UNCHECKED, 0, "", "its server did not accept a connection");
        }
        if (cause instanceof UnknownHostException) {
            return new Answer(Outcome.BROKEN, 0, "", "there is no server of that name");
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return new Answer(Outcome.UNCHECKED, 0, "", "its secure connection (https) failed");
        }
        return new Answer(Outcome.UNCHECKED, 0, "", "it could not be reached (" + (cause instanceof IOException
                && cause.getMessage() != null ? cause.getMessage() : String.valueOf(cause)) + ")");
    }

    /** Distinct addresses of these uses, in the order first used. */
    static List<URI> distinct(List<Outside> uses) {
        List<URI> out = new ArrayList<>();
        java.util.Set<URI> seen = new java.util.HashSet<>();
        for (Outside o : uses) {
            if (seen.add(o.uri())) {
                out.add(o.uri());
            }
        }
        return out;
    }
}
