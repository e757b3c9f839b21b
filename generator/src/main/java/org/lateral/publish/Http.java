package org.lateral.publish;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.lateral.Lateral;
import org.lateral.safety.CappedBody;

/**
 * The few HTTP requests a publish makes (WebSub pings, Webmention discovery and sending), with the
 * JDK's HttpClient: a deadline for each whole request (headers and body), bodies read up to a cap,
 * redirects followed by hand (at most five) so that every address on the way is checked by the
 * {@link AddressCheck}, no cookies and no credentials.
 */
final class Http {

    /** A response: the address it finally came from, its status, headers and (capped) body. */
    record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        boolean ok() {
            return status / 100 == 2;
        }

        Optional<String> contentType() {
            return headers.firstValue("content-type");
        }
    }

    /** A request that could not be made or did not finish in time; the message says why in plain words. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_REDIRECTS = 5;

    private final AddressCheck check;
    private final Duration deadline;
    private final HttpClient client;

    Http(AddressCheck check, Duration deadline) {
        this.check = check;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(deadline).build();
    }

    /** GET, following redirects; every address is checked first. */
    Response get(URI uri) throws Failure {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Response r = send(current, HttpRequest.newBuilder(current).GET()
                    .header("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"));
            Optional<String> location = r.headers().firstValue("location");
            if (r.status() / 100 != 3 || location.isEmpty()) {
                return r;
            }
            if (hop == MAX_REDIRECTS) {
                throw new Failure(uri + " redirects more than " + MAX_REDIRECTS + " times");
            }
            try {
                current = current.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new Failure(current + " redirects to an address that cannot be read");
            }
        }
    }

    /** POST {@code application/x-www-form-urlencoded}; redirects are not followed. */
    Response postForm(URI uri, Map<String, String> form) throws Failure {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(uri, HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private Response send(URI uri, HttpRequest.Builder builder) throws Failure {
        Optional<String> refused = check.refusal(uri);
        if (refused.isPresent()) {
            throw new Failure("not sent to " + uri + ": " + refused.get());
        }
        HttpRequest request = builder.timeout(deadline).header("User-Agent", "Lateral/" + Lateral.version()).build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> CappedBody.truncating(MAX_BYTES));
        try {
            HttpResponse<byte[]> r = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(uri, r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(uri + " did not answer within " + deadline.toSeconds() + " seconds");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Failure("cannot reach " + uri + ": " + (cause instanceof IOException && cause.getMessage() != null
                    ? cause.getMessage() : cause.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new Failure("interrupted while talking to " + uri);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
