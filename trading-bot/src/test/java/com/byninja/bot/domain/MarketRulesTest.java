package com.byninja.bot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MarketRulesTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final MarketRules BTC_RULES = new MarketRules(BTC, d("0.00001"), d("9000"), d("0.00001"), d("0.01"),
            d("5"));

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void anOffTickPriceIsRoundedTheWayAskedAndAnOnTickPriceKeepsItsValueAtTheTicksScale() {
        assertThat(BTC_RULES.roundPrice(d("59000.019"), RoundingMode.DOWN)).isEqualTo(d("59000.01"));
        assertThat(BTC_RULES.roundPrice(d("59000.011"), RoundingMode.UP)).isEqualTo(d("59000.02"));
        assertThat(BTC_RULES.roundPrice(d("59000"), RoundingMode.UP)).isEqualTo(d("59000.00"));
        assertThat(MarketRules.none(BTC).roundPrice(d("59000.019"), RoundingMode.DOWN)).isEqualTo(d("59000.019"));
    }

    @Test
    void aLimitBuysQuantityIsWhatItsAmountPaysForAtItsPriceDownToTheStep() {
        // 100 / 59000 = 0.00169491.. -> 0.00169 (99.71 USDT); 59 / 59000 = 0.001 exactly
        assertThat(BTC_RULES.quantityFor(d("100"), d("59000.00"))).isEqualTo(d("0.00169"));
        assertThat(BTC_RULES.quantityFor(d("59"), d("59000.00"))).isEqualTo(d("0.00100"));
        // without a step: 18 decimals, down; 100 / 3 = 33.333..
        assertThat(MarketRules.none(BTC).quantityFor(d("100"), d("3"))).isEqualTo(d("33.333333333333333333"));
    }

    @Test
    void anOrderIsValuedAtThePriceGivenForTheMinimum() {
        // 0.00009 * 50000 = 4.5 below 5; at 60000 it is 5.4
        assertThat(BTC_RULES.checkQuantity(d("0.00009"), d("50000"))).contains("order value 4.5 USDT is below the "
                + "exchange minimum of 5 USDT for BTC/USDT");
        assertThat(BTC_RULES.checkQuantity(d("0.00009"), d("60000"))).isEmpty();
    }
}
