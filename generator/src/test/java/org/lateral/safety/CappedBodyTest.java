package org.lateral.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    private static final class Subscription implements Flow.Subscription {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    private static List<ByteBuffer> bytes(String s) {
        return List.of(ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBodyWithinTheLimitIsKeptWhole() throws Exception {
        CappedBody body = CappedBody.failing(10);
        body.onSubscribe(new Subscription());
        body.onNext(bytes("12345"));
        body.onNext(bytes("67890"));
        body.onComplete();
        assertThat(new String(body.getBody().toCompletableFuture().get(), StandardCharsets.US_ASCII))
                .isEqualTo("1234567890");
    }

    @Test
    void pastTheLimitAFailingBodyStopsReadingAndFails() {
        CappedBody body = CappedBody.failing(8);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(bytes("12345"));
        body.onNext(bytes("67890"));
        assertThat(s.cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(CappedBody.tooLarge(e)).isTrue());
    }

    @Test
    void pastTheLimitATruncatingBodyStopsReadingAndKeepsTheFirstBytes() throws Exception {
        CappedBody body = CappedBody.truncating(8);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(bytes("12345"));
        body.onNext(bytes("67890"));
        body.onNext(bytes("more"));
        assertThat(s.cancelled).isTrue();
        assertThat(new String(body.getBody().toCompletableFuture().get(), StandardCharsets.US_ASCII))
                .isEqualTo("12345678");
        assertThat(CappedBody.tooLarge(new RuntimeException("other"))).isFalse();
    }
}
