package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CappedBackOffTest {

    @Test
    void eachDelayIsWithinAnEighthOfTheDoubledOneAndNeverAboveTheCap() {
        CappedBackOff backOff = new CappedBackOff(3_000);

        // 500, 1000, 2000, then the 3000 cap, each jittered by at most an eighth either way and kept under the cap.
        assertThat(backOff.nextBackOffMillis()).isBetween(438L, 563L);
        assertThat(backOff.nextBackOffMillis()).isBetween(875L, 1_125L);
        assertThat(backOff.nextBackOffMillis()).isBetween(1_750L, 2_250L);
        assertThat(backOff.nextBackOffMillis()).isBetween(2_625L, 3_000L);
        assertThat(backOff.nextBackOffMillis()).isBetween(2_625L, 3_000L);
        backOff.reset();
        assertThat(backOff.nextBackOffMillis()).isBetween(438L, 563L);
    }

    @Test
    void aCapBelowTheFirstDelayIsRaisedToIt() {
        CappedBackOff backOff = new CappedBackOff(100);

        assertThat(backOff.nextBackOffMillis()).isBetween(438L, 500L);
        assertThat(backOff.nextBackOffMillis()).isBetween(438L, 500L);
    }
}
