package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket on a time the test gives it, in milliseconds written as nanoseconds. */
class RateLimiterTest {

    static final long MS = 1_000_000L;

    @Test
    void oneSendPerIntervalWithoutBurstWaitsTheRestOfTheIntervalAfterEachSend() {
        RateLimiter pace = new RateLimiter(200 * MS, 1, 0);

        assertThat(pace.delayNanos(0)).isZero();
        pace.acquire(0);
        // 50 ms later, 150 ms of the interval are left; once they passed the next send goes.
        assertThat(pace.delayNanos(50 * MS)).isEqualTo(150 * MS);
        assertThat(pace.delayNanos(200 * MS)).isZero();
        pace.acquire(200 * MS);
        // A pause longer than the interval saves nothing up beyond the burst of one.
        assertThat(pace.delayNanos(1_000 * MS)).isZero();
        pace.acquire(1_000 * MS);
        assertThat(pace.delayNanos(1_000 * MS)).isEqualTo(200 * MS);
    }

    @Test
    void aBurstGoesAtOnceThenTheIntervalPacesAndDrainingEmptiesTheBucket() {
        RateLimiter pace = new RateLimiter(100 * MS, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(pace.delayNanos(0)).isZero();
            pace.acquire(0);
        }
        assertThat(pace.delayNanos(0)).isEqualTo(100 * MS);

        RateLimiter full = new RateLimiter(100 * MS, 3, 0);
        full.drain(0);
        assertThat(full.delayNanos(40 * MS)).isEqualTo(60 * MS);
    }

    @Test
    void aZeroIntervalNeverWaits() {
        RateLimiter none = new RateLimiter(0, 1, 0);
        for (int i = 0; i < 5; i++) {
            none.acquire(0);
        }
        assertThat(none.delayNanos(0)).isZero();
    }
}
