package com.byninja.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskManagerTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    // stake 100, max stake 1000, min order 10, 2 positions, SL 2 %, TP 4 %, trailing 3 %, daily loss 300
    final RiskManager risk = new RiskManager(new RiskSettings(d("100"), d("1000"), d("10"), 2, d("2"), d("4"),
            d("3"), d("300"), true), "USDT");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RiskManager.BuyCheck buy(String amount, boolean forced) {
        return new RiskManager.BuyCheck(BTC, d(amount), forced, d("5000"), 0, false, BigDecimal.ZERO, true);
    }

    static Optional<RejectReason> reason(Optional<Rejection> r) {
        return r.map(Rejection::reason);
    }

    @Test
    void aStakeWithinEveryLimitIsAllowed() {
        assertThat(risk.checkBuy(buy("100", false))).isEmpty();
    }

    @Test
    void aStakeAboveTheMaximumIsRejectedEvenWhenForced() {
        Optional<Rejection> r = risk.checkBuy(buy("1000.01", true));

        assertThat(reason(r)).contains(RejectReason.RISK_ABOVE_MAX_STAKE);
        assertThat(r.get().message()).isEqualTo("stake 1000.01 USDT exceeds the maximum of 1000 USDT "
                + "(risk.maxStakeAmount)");
    }

    @Test
    void aStakeBelowTheMinimumOrderIsRejectedEvenWhenForced() {
        assertThat(reason(risk.checkBuy(buy("9.99", true)))).contains(RejectReason.RISK_BELOW_MIN_ORDER);
        assertThat(reason(risk.checkBuy(buy("10", true)))).isEmpty();
    }

    @Test
    void forceBuyIsRefusedWhenBalanceIsTooLow() {
        var check = new RiskManager.BuyCheck(BTC, d("100"), true, d("99.99"), 0, false, BigDecimal.ZERO, true);

        Optional<Rejection> r = risk.checkBuy(check);

        assertThat(reason(r)).contains(RejectReason.RISK_INSUFFICIENT_BALANCE);
        assertThat(r.get().message()).isEqualTo("stake 100 USDT exceeds the free balance of 99.99 USDT");
    }

    @Test
    void aSecondPositionInTheSameSymbolIsRejectedUnlessForced() {
        var check = new RiskManager.BuyCheck(BTC, d("100"), false, d("5000"), 1, true, BigDecimal.ZERO, true);
        var forced = new RiskManager.BuyCheck(BTC, d("100"), true, d("5000"), 1, true, BigDecimal.ZERO, true);

        assertThat(reason(risk.checkBuy(check))).contains(RejectReason.RISK_POSITION_ALREADY_OPEN);
        assertThat(risk.checkBuy(forced)).isEmpty();
    }

    @Test
    void theMaximumOfOpenPositionsStopsStrategyBuys() {
        var check = new RiskManager.BuyCheck(BTC, d("100"), false, d("5000"), 2, false, BigDecimal.ZERO, true);

        assertThat(reason(risk.checkBuy(check))).contains(RejectReason.RISK_MAX_OPEN_POSITIONS);
    }

    @Test
    void theDailyLossLimitStopsBuyingOnceReached() {
        var below = new RiskManager.BuyCheck(BTC, d("100"), false, d("5000"), 0, false, d("-299.99"), true);
        var reached = new RiskManager.BuyCheck(BTC, d("100"), false, d("5000"), 0, false, d("-300"), true);

        assertThat(risk.checkBuy(below)).isEmpty();
        assertThat(reason(risk.checkBuy(reached))).contains(RejectReason.RISK_DAILY_LOSS_LIMIT);
        assertThat(risk.checkBuy(reached).get().message()).isEqualTo("today's realised loss of 300 USDT reached the "
                + "daily limit of 300 USDT (risk.dailyLossLimit)");
    }

    @Test
    void aDailyLossLimitOfZeroIsOff() {
        RiskManager noLimit = new RiskManager(new RiskSettings(d("100"), d("1000"), d("10"), 2, d("2"), d("4"),
                d("0"), d("0"), true), "USDT");

        assertThat(noLimit.dailyLossLimitReached(d("-1000000"))).isFalse();
    }

    @Test
    void noBuyWithoutARecentPrice() {
        var check = new RiskManager.BuyCheck(BTC, d("100"), true, d("5000"), 0, false, BigDecimal.ZERO, false);

        assertThat(reason(risk.checkBuy(check))).contains(RejectReason.RISK_NO_PRICE);
    }

    @Test
    void stopLossSellsAtTwoPercentBelowTheAverageEntry() {
        Position p = Position.open(BTC, d("1"), d("100"), BigDecimal.ZERO, Instant.EPOCH);

        assertThat(risk.exitFor(p, d("98.01"), Instant.EPOCH)).isEmpty();
        assertThat(risk.exitFor(p, d("98.00"), Instant.EPOCH)).contains(Purpose.STOP_LOSS);
    }

    @Test
    void takeProfitSellsAtFourPercentAboveTheAverageEntry() {
        Position p = Position.open(BTC, d("1"), d("100"), BigDecimal.ZERO, Instant.EPOCH);

        assertThat(risk.exitFor(p, d("103.99"), Instant.EPOCH)).isEmpty();
        assertThat(risk.exitFor(p, d("104"), Instant.EPOCH)).contains(Purpose.TAKE_PROFIT);
    }

    @Test
    void trailingStopSellsThreePercentBelowTheHighestPriceSinceEntry() {
        Position p = Position.open(BTC, d("1"), d("100"), BigDecimal.ZERO, Instant.EPOCH).withPrice(d("103.5"));

        // 103.5 * 0.97 = 100.395
        assertThat(risk.exitFor(p, d("100.40"), Instant.EPOCH)).isEmpty();
        assertThat(risk.exitFor(p, d("100.395"), Instant.EPOCH)).contains(Purpose.TRAILING_STOP);
    }

    @Test
    void protectiveExitsAtZeroAreOff() {
        RiskManager off = new RiskManager(new RiskSettings(d("100"), d("1000"), d("10"), 2, d("0"), d("0"), d("0"),
                d("0"), true), "USDT");
        Position p = Position.open(BTC, d("1"), d("100"), BigDecimal.ZERO, Instant.EPOCH);

        assertThat(off.exitFor(p, d("1"), Instant.EPOCH)).isEmpty();
        assertThat(off.exitFor(p, d("1000"), Instant.EPOCH)).isEmpty();
    }

    @Test
    void aForcedBuyPassesEverySoftLimitAtOnceAndOnlyTheSoftOnes() {
        // Maximum 2 open positions (2 open), a position in BTC already, and a loss of 300 today: all three soft
        // limits are broken at once (the daily limit here is 300).
        var soft = new RiskManager.BuyCheck(BTC, d("100"), true, d("5000"), 2, true, d("-300"), true);
        assertThat(risk.checkBuy(soft)).isEmpty();
        // The same with a stake the balance cannot cover: that one is hard.
        var hard = new RiskManager.BuyCheck(BTC, d("100"), true, d("50"), 2, true, d("-300"), true);
        assertThat(reason(risk.checkBuy(hard))).contains(RejectReason.RISK_INSUFFICIENT_BALANCE);
    }

    @Test
    void theSoftReasonsAreTheSwitchesThePositionLimitsAndTheLocksEverythingElseBindsForcedOrders() {
        assertThat(java.util.Arrays.stream(RejectReason.values()).filter(r -> !r.hard()))
                .containsExactly(RejectReason.RISK_TRADING_STOPPED, RejectReason.RISK_BUY_DISABLED,
                        RejectReason.RISK_SELL_DISABLED, RejectReason.RISK_POSITION_ALREADY_OPEN,
                        RejectReason.RISK_MAX_OPEN_POSITIONS, RejectReason.RISK_DAILY_LOSS_LIMIT,
                        RejectReason.RISK_COOLDOWN, RejectReason.RISK_STOP_LOSS_GUARD,
                        RejectReason.RISK_MAX_DRAWDOWN_LOCK, RejectReason.RISK_LOW_PROFIT_LOCK,
                        RejectReason.RISK_PAUSED);
        assertThat(RejectReason.ORDER_SYMBOL_NOT_CONFIGURED.code()).isEqualTo("SYMBOL_NOT_CONFIGURED");
    }
}
