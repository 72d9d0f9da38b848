package com.byninja.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buy checks that depend on the exchange: the fee kept aside, its minimum order value, its health. */
class RiskManagerFeesAndExchangeRulesTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final MarketRules BTC_RULES = new MarketRules(BTC, d("0.00001"), d("9000"), d("0.00001"), d("0.01"),
            d("5"));

    // stake 100, max stake 10000, min order 1, fee 0.1 %, Binance-like rules for BTC/USDT
    final RiskManager risk = new RiskManager(new RiskSettings(d("100"), d("10000"), d("1"), 2, d("2"), d("4"),
            d("0"), d("0"), true), "USDT", d("0.1"), Map.of(BTC, BTC_RULES));

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RiskManager.BuyCheck forced(String amount, String free) {
        return new RiskManager.BuyCheck(BTC, d(amount), true, d(free), 0, false, BigDecimal.ZERO, true);
    }

    @Test
    void aForceBuyOfExactlyTheFreeBalanceIsRefusedBecauseTheFeeWouldNotBeCovered() {
        Optional<Rejection> r = risk.checkBuy(forced("1000", "1000"));

        assertThat(r).get().extracting(Rejection::reason).isEqualTo(RejectReason.RISK_INSUFFICIENT_BALANCE);
        assertThat(r.get().message()).isEqualTo("stake 1000 USDT plus a fee of up to 1 USDT exceeds the free "
                + "balance of 1000 USDT");
    }

    @Test
    void aBuyWhoseFeeFitsIsAllowed() {
        assertThat(risk.checkBuy(forced("1000", "1001"))).isEmpty();
        assertThat(risk.feeOf(d("1000"))).isEqualByComparingTo("1");
        assertThat(risk.feeOf(d("33.33"))).isEqualByComparingTo("0.03333");
    }

    @Test
    void aBuyBelowTheExchangeMinimumValueIsRefusedWithTheExchangesFigure() {
        Optional<Rejection> r = risk.checkBuy(forced("4.99", "5000"));

        assertThat(r).get().extracting(Rejection::reason).isEqualTo(RejectReason.EXCHANGE_BELOW_MINIMUM);
        assertThat(r.get().message()).isEqualTo("order value 4.99 USDT is below the exchange minimum of 5 USDT "
                + "for BTC/USDT");
        assertThat(risk.checkBuy(forced("5", "5000"))).isEmpty();
    }

    @Test
    void noBuyWhileTheExchangeIsFailingEvenForced() {
        var check = new RiskManager.BuyCheck(BTC, d("100"), true, d("5000"), 0, false, BigDecimal.ZERO, true, true);

        assertThat(risk.checkBuy(check)).get().extracting(Rejection::reason)
                .isEqualTo(RejectReason.EXCHANGE_UNAVAILABLE);
    }

    @Test
    void quantitiesAreRoundedDownToTheStepAndSellsBelowTheMinimumAreRefused() {
        assertThat(BTC_RULES.roundQuantity(d("0.0016699"))).isEqualByComparingTo("0.00166");
        assertThat(BTC_RULES.checkSell(d("0.00166"), d("60000"))).isEmpty();
        assertThat(BTC_RULES.checkSell(d("0.00008"), d("60000"))).contains("order value 4.8 USDT is below the "
                + "exchange minimum of 5 USDT for BTC/USDT");
        assertThat(BTC_RULES.checkSell(BTC_RULES.roundQuantity(d("0.000009")), d("60000"))).isPresent();
    }
}
