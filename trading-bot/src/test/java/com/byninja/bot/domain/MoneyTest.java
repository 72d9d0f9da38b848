package com.byninja.bot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How amounts read in alerts. */
class MoneyTest {

    @Test
    void aPriceReadsToTheMarketsTickWhenItIsKnown() {
        assertThat(Money.price(new BigDecimal("3001.8"), new BigDecimal("0.01"))).isEqualTo("3001.80");
        assertThat(Money.price(new BigDecimal("3001.8"), new BigDecimal("0.01000000"))).isEqualTo("3001.80");
        // An average fill price has more digits than the tick: rounded half even to it.
        assertThat(Money.price(new BigDecimal("60240.963855"), new BigDecimal("0.01"))).isEqualTo("60240.96");
        assertThat(Money.price(new BigDecimal("0.000012345"), new BigDecimal("0.00000001"))).isEqualTo("0.00001234");
        assertThat(Money.price(new BigDecimal("1234.5"), new BigDecimal("10"))).isEqualTo("1234");
    }

    @Test
    void withoutATickAPriceKeepsTenSignificantDigitsWithoutTrailingZeros() {
        assertThat(Money.price(new BigDecimal("3001.80"), BigDecimal.ZERO)).isEqualTo("3001.8");
        assertThat(Money.price(new BigDecimal("60240.963855421"), null)).isEqualTo("60240.96386");
    }

    @Test
    void aCountOfOneIsSingular() {
        assertThat(Money.count(0, "trade", "trades")).isEqualTo("0 trades");
        assertThat(Money.count(1, "trade", "trades")).isEqualTo("1 trade");
        assertThat(Money.count(2, "open position", "open positions")).isEqualTo("2 open positions");
    }

    @Test
    void whatTheTraderHasReadsRoundedDownAndWhatHeUsesRoundedUp() {
        assertThat(Money.down(new BigDecimal("99.999"))).isEqualTo("99.99");
        assertThat(Money.down(new BigDecimal("-0.001"))).isEqualTo("-0.01");
        assertThat(Money.up(new BigDecimal("50.001"))).isEqualTo("50.01");
        assertThat(Money.signedDown(new BigDecimal("1.798"))).isEqualTo("+1.79");
        assertThat(Money.signedDown(new BigDecimal("0.004"))).isEqualTo("+0.00");
        assertThat(Money.signedDown(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(Money.signedDown(new BigDecimal("-0.6995"))).isEqualTo("-0.70");
    }

    @Test
    void aPercentageHasTwoDecimalsRoundedDown() {
        assertThat(Money.pct(BigDecimal.ONE, new BigDecimal("3"))).isEqualByComparingTo("33.33");
        assertThat(Money.pct(BigDecimal.ONE.negate(), new BigDecimal("3"))).isEqualByComparingTo("-33.34");
        assertThat(Money.signedPct(Money.pct(new BigDecimal("7.8"), new BigDecimal("100.1")))).isEqualTo("+7.79");
        assertThat(Money.signedPct(Money.pct(BigDecimal.ZERO, BigDecimal.TEN))).isEqualTo("0.00");
    }
}
