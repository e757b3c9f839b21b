package org.lateral.safety;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected up to a byte limit, counted on the bytes actually streamed (a server
 * may send more than its {@code Content-Length} says): past the limit it stops reading, which
 * closes the connection, and either fails ({@link #failing}) or keeps what came first
 * ({@link #truncating}). The hub's fetcher has its own collector, which can also be abandoned
 * mid-body when its deadline passes.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the answer was larger than " + max + " bytes");
        }
    }

    private final long max;
    private final boolean fail;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long max, boolean fail) {
        this.max = max;
        this.fail = fail;
    }

    /** A body that fails with {@link TooLarge} once it passes {@code max} bytes. */
    public static CappedBody failing(long max) {
        return new CappedBody(max, true);
    }

    /** A body of at most the first {@code max} bytes. */
    public static CappedBody truncating(long max) {
        return new CappedBody(max, false);
    }

    /** Whether {@code t}, or what caused it, is a body that went past its limit. */
    public static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (out.size() + (long) b.remaining() > max) {
                subscription.cancel();
                if (fail) {
                    result.completeExceptionally(new TooLarge(max));
                } else {
                    byte[] chunk = new byte[(int) (max - out.size())];
                    b.get(chunk);
                    out.write(chunk, 0, chunk.length);
                    result.complete(out.toByteArray());
                }
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
