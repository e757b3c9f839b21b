package org.lateral.aggregate.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body up to a byte limit, and can be abandoned at any moment.
 *
 * <p>{@link #getBody()} completes at once (with this collector), so the response itself is
 * available as soon as the headers are; the bytes arrive later through {@link #bytes()}. The
 * fetcher waits on that with what is left of the deadline and calls {@link #abandon()} when time
 * runs out, which cancels the subscription and so closes the connection, however slowly the
 * server trickles. One collector per response; not reused.
 */
final class BodyCollector implements HttpResponse.BodySubscriber<BodyCollector> {

    /** The body went past the limit (counted on the bytes actually streamed). */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("body larger than the limit");
        }
    }

    private final long maxBytes;
    private final boolean refuse;
    private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final ByteArrayOutputStream buffer;
    private long count;

    /**
     * @param maxBytes      the most bytes accepted
     * @param expectedBytes the {@code Content-Length}, or -1
     * @param refuse        true to cancel at once (a redirect, an error or a body known to be too
     *                      large); {@link #bytes()} then completes empty
     */
    BodyCollector(long maxBytes, long expectedBytes, boolean refuse) {
        this.maxBytes = maxBytes;
        this.refuse = refuse;
        int initial = expectedBytes > 0 && expectedBytes <= maxBytes ? (int) expectedBytes : 8192;
        this.buffer = new ByteArrayOutputStream(refuse ? 0 : initial);
    }

    CompletableFuture<byte[]> bytes() {
        return bytes;
    }

    /** Stops reading: cancels the subscription (closing the connection) and fails {@link #bytes()}. */
    void abandon() {
        bytes.completeExceptionally(new java.util.concurrent.CancellationException("abandoned"));
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public CompletionStage<BodyCollector> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (refuse) {
            s.cancel();
            bytes.complete(new byte[0]);
        } else if (bytes.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (bytes.isDone()) {
            subscription.get().cancel();
            return;
        }
        for (ByteBuffer item : items) {
            count += item.remaining();
            if (count > maxBytes) {
                bytes.completeExceptionally(new TooLargeException());
                subscription.get().cancel();
                return;
            }
            if (item.hasArray()) {
                buffer.write(item.array(), item.arrayOffset() + item.position(), item.remaining());
            } else {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }
        subscription.get().request(1);
    }

    @Override
    public void onError(Throwable error) {
        bytes.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        bytes.complete(buffer.toByteArray());
    }
}
