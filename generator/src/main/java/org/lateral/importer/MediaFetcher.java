package org.lateral.importer;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lateral.Lateral;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.CappedBody;

/**
 * Fetches an old blog's pictures and attachments (and a feed given by address) with the hub's
 * network safety: http and https only (never {@code file:}), every address and every redirect
 * checked against the {@link AddressPolicy} (public addresses only unless {@code network: allow:}
 * or {@code --allow-address} says otherwise), a deadline per file and a size cap.
 */
final class MediaFetcher {

    static final long MAX_BYTES = 50L << 20;
    static final int MAX_REDIRECTS = 5;

    private final AddressPolicy policy;
    private final Duration deadline;
    private final HttpClient client;

    /** A file fetched, or why not. */
    record Fetched(Optional<byte[]> bytes, Optional<String> contentType, String failure) {
        static Fetched failed(String why) {
            return new Fetched(Optional.empty(), Optional.empty(), why);
        }
    }

    MediaFetcher(AddressPolicy policy, Duration deadline) {
        this.policy = policy;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(deadline).build();
    }

    Fetched get(String address) {
        URI current;
        try {
            current = URI.create(address.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return Fetched.failed("the address cannot be read");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String scheme = current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || current.getHost() == null) {
                return Fetched.failed("only http and https addresses are fetched");
            }
            try {
                Optional<String> refused = policy.refusal(current);
                if (refused.isPresent()) {
                    return Fetched.failed("not fetched: " + refused.get()
                            + " (allow it with --allow-address or network: allow: in site.yaml if it is yours)");
                }
            } catch (UnknownHostException e) {
                return Fetched.failed("the name " + current.getHost() + " is not known");
            }
            HttpRequest request = HttpRequest.newBuilder(current).GET().timeout(deadline)
                    .header("User-Agent", "Lateral/" + Lateral.version() + " (import)").build();
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> CappedBody.failing(MAX_BYTES));
            HttpResponse<byte[]> r;
            try {
                r = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return Fetched.failed("no answer within " + deadline.toSeconds() + " seconds");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (CappedBody.tooLarge(cause)) {
                    return Fetched.failed("larger than " + (MAX_BYTES >> 20) + " MB");
                }
                return Fetched.failed("cannot reach it: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return Fetched.failed("interrupted");
            }
            Optional<String> location = r.headers().firstValue("location");
            if (r.statusCode() / 100 == 3 && location.isPresent()) {
                try {
                    current = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return Fetched.failed("it redirects to an address that cannot be read");
                }
                continue;
            }
            if (r.statusCode() / 100 != 2) {
                return Fetched.failed("the old blog answered " + r.statusCode());
            }
            return new Fetched(Optional.of(r.body()), r.headers().firstValue("content-type"), "");
        }
        return Fetched.failed("more than " + MAX_REDIRECTS + " redirects");
    }
}
