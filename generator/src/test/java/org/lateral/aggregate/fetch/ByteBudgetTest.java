package org.lateral.aggregate.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The accounting of bytes held at once, with small numbers: no large allocation anywhere. */
@Timeout(10)
class ByteBudgetTest {

    @Test
    void reservationsNeverExceedTheBudget() {
        ByteBudget budget = new ByteBudget(100);

        ByteBudget.Reservation a = budget.tryReserve(60).orElseThrow();
        assertThat(budget.tryReserve(50)).isEmpty();
        ByteBudget.Reservation b = budget.tryReserve(40).orElseThrow();
        assertThat(budget.used()).isEqualTo(100);
        assertThat(budget.tryReserve(1)).isEmpty();

        a.close();
        a.close(); // twice releases once
        assertThat(budget.used()).isEqualTo(40);
        b.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aReservationLargerThanTheBudgetIsCutToItSoOneFeedCanAlwaysRun() {
        ByteBudget budget = new ByteBudget(100);

        ByteBudget.Reservation huge = budget.tryReserve(10_000).orElseThrow();

        assertThat(huge.held()).isEqualTo(100);
        assertThat(budget.tryReserve(1)).isEmpty();
    }

    @Test
    void shrinkingGivesBackWhatASmallBodyDoesNotNeed() {
        ByteBudget budget = new ByteBudget(100);
        ByteBudget.Reservation r = budget.tryReserve(80).orElseThrow();

        r.shrinkTo(10);
        r.shrinkTo(50); // never grows again

        assertThat(r.held()).isEqualTo(10);
        assertThat(budget.used()).isEqualTo(10);
        assertThat(budget.tryReserve(90)).isPresent();
    }

    @Test
    void theCostOfABodyIsItsSizeTimesTheCostPerByteWithoutOverflow() {
        ByteBudget budget = new ByteBudget(1000);

        assertThat(budget.costOf(5)).isEqualTo(5L * ByteBudget.COST_PER_BYTE);
        assertThat(budget.costOf(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void concurrentFeedsWaitForEachOtherAndTheHighWaterMarkStaysWithinTheBudget() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        AtomicLong highWater = new AtomicLong();
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 200; round++) {
                        try (ByteBudget.Reservation r = budget.reserve(40)) {
                            highWater.accumulateAndGet(budget.used(), Math::max);
                            r.shrinkTo(round % 2 == 0 ? 40 : 5);
                            highWater.accumulateAndGet(budget.used(), Math::max);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(highWater.get()).isBetween(40L, 100L);
        assertThat(budget.used()).isZero();
    }
}
