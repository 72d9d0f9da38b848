package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheFirstDelayUpToTheCapAndStartsOverAfterASuccess() {
        Backoff b = Backoff.of(1_000, 30_000);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(b.next());
        }
        // 1 s, 2 s, 4 s, 8 s, 16 s, then the 30 s cap (32 s would exceed it).
        assertThat(waits).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
        assertThat(b.failures()).isEqualTo(7);
        b.reset();
        assertThat(b.failures()).isZero();
        assertThat(b.next()).isEqualTo(1_000L);
    }

    @Test
    void jitterIsAppliedToEachDelayAndKeptWithinTheCap() {
        Backoff b = Backoff.jittered(500, 1_000, d -> d + d / 2);
        // 500 -> 750; 1000 -> 1500, capped at 1000.
        assertThat(b.next()).isEqualTo(750L);
        assertThat(b.next()).isEqualTo(1_000L);
    }

    @Test
    void aCapBelowTheFirstDelayIsRefusedWithBothFigures() {
        assertThatThrownBy(() -> Backoff.of(10_000, 5_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoff needs 0 < first <= max, got first 10000 ms, max 5000 ms");
    }
}
