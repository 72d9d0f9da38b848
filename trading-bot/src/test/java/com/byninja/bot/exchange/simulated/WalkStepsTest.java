package com.byninja.bot.exchange.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WalkStepsTest {

    /** Ticks 10, 11, 12 of one second at 100.00, 99.50, 100.20. */
    static WalkSteps steps() {
        WalkSteps s = new WalkSteps(1_000, 2);
        s.add(10, new BigDecimal("100.00"));
        s.add(11, new BigDecimal("99.50"));
        s.add(12, new BigDecimal("100.20"));
        return s;
    }

    @Test
    void theFirstStepCrossingALevelIsFoundExactlyEvenForALevelBetweenTwoCents() {
        WalkSteps s = steps();

        assertThat(s.firstAtOrBelow(new BigDecimal("99.50"), 0)).isEqualTo(1);
        assertThat(s.firstAtOrBelow(new BigDecimal("99.495"), 0)).isEqualTo(-1);
        assertThat(s.firstBelow(new BigDecimal("99.50"), 0)).isEqualTo(-1);
        assertThat(s.firstBelow(new BigDecimal("99.501"), 0)).isEqualTo(1);
        assertThat(s.firstAbove(new BigDecimal("100.19"), 0)).isEqualTo(2);
        assertThat(s.firstAbove(new BigDecimal("100.20"), 0)).isEqualTo(-1);
        assertThat(s.firstAbove(new BigDecimal("99.999"), 0)).isEqualTo(0);
        assertThat(s.firstAbove(new BigDecimal("99.999"), 1)).isEqualTo(2);
    }

    @Test
    void eachStepHasItsPriceAndTheTimeOfItsTick() {
        WalkSteps s = steps();

        assertThat(s.size()).isEqualTo(3);
        assertThat(s.price(1)).isEqualTo(new BigDecimal("99.50"));
        assertThat(s.time(1)).isEqualTo(Instant.ofEpochMilli(11_000));
    }
}
