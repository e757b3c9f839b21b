package org.lateral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The search index's bytes are made once for its two files and let go once both took them. */
class OutputPlannerOnceTest {

    @Test
    void bytesAreMadeOnceForTheirUsesThenLetGo() {
        AtomicInteger made = new AtomicInteger();
        OutputPlanner.Once once = new OutputPlanner.Once(() -> new byte[] {(byte) made.incrementAndGet()}, 2);

        byte[] first = once.get();
        assertThat(once.holds()).isTrue();
        byte[] second = once.get();

        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(once.holds()).isFalse(); // the plan lives to the build's end; the bytes need not
        assertThat(once.get()).containsExactly(2); // asked again (a preview), made again
    }
}
