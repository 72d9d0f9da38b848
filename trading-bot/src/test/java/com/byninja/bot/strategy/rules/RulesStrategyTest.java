package com.byninja.bot.strategy.rules;

import static com.byninja.bot.strategy.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.bot.strategy.RsiStrategy;
import com.byninja.bot.strategy.RulesStrategy;
import com.byninja.bot.strategy.Signal;
import com.byninja.bot.strategy.SmaCrossStrategy;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Strategy;

class RulesStrategyTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static RulesStrategy rules(String entry, String exit) {
        return new RulesStrategy(rule(entry), rule(exit));
    }

    /** @return candles closing at {@code closes}, each flat at its close */
    static List<Candle> flat(int... closes) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = BigDecimal.valueOf(closes[i]);
            candles.add(new Candle(BTC, T0.plus(Duration.ofMinutes(i)), Duration.ofMinutes(1), c, c, c, c,
                    BigDecimal.ONE));
        }
        return candles;
    }

    /** Feeds candles one at a time into a series of 100 bars at most, as live trading does; a signal after each. */
    static List<Signal> signals(TradingStrategy strategy, List<Candle> candles) {
        CandleSeries series = new CandleSeries(BTC, 100);
        Strategy built = strategy.build(series.series());
        List<Signal> signals = new ArrayList<>();
        for (Candle c : candles) {
            series.add(c);
            signals.add(TradingStrategy.signalAt(built, series.series()));
        }
        return signals;
    }

    static CandleSeries seriesOf(List<Candle> candles) {
        CandleSeries series = new CandleSeries(BTC, 100);
        series.addAll(candles);
        return series;
    }

    @Test
    void buysOnTheBarTheAveragesCrossAndSellsOnTheBarTheyCrossBack() {
        // index:        0   1   2   3   4   5   6   7   8   9  10
        // SMA2:        20  19  17  15  13  13  16  20  21  17  12
        // SMA3:        20  19  18  16  14 13.3 14.7 18  20 18.7 14.7
        // fast - slow:  0   0  -1  -1  -1 -0.3 +1.3 +2 +1 -1.7 -2.7  -> up at 6, down at 9
        List<Signal> s = signals(rules("crossedUp(sma(close, 2), sma(close, 3))",
                "crossedDown(sma(close, 2), sma(close, 3))"), flat(20, 18, 16, 14, 12, 14, 18, 22, 20, 14, 10));

        assertThat(s).containsExactly(Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD,
                Signal.BUY, Signal.HOLD, Signal.HOLD, Signal.SELL, Signal.HOLD);
    }

    @Test
    void holdsUntilTheSlowAverageAndTheBarBeforeItAreFormedThenBuysOnTheFirstFormedBar() {
        RulesStrategy strategy = rules("crossedUp(sma(close, 2), sma(close, 3))", "close < 0");
        assertThat(strategy.unstableBars()).isEqualTo(3);

        // Bar 3: SMA2 (16 + 30) / 2 = 23 above SMA3 (18 + 16 + 30) / 3 = 21.3; bar 2: 17 below 18. A cross on the
        // first bar the strategy may act on.
        assertThat(signals(strategy, flat(20, 18, 16, 30))).containsExactly(Signal.HOLD, Signal.HOLD, Signal.HOLD,
                Signal.BUY);
        // Bar 2: SMA1 12 crosses above SMA3 10, but the 3-bar average needs bar 2 and the cross the bar before it.
        assertThat(signals(rules("crossedUp(sma(close, 1), sma(close, 3))", "close < 0"), flat(10, 8, 12)))
                .containsOnly(Signal.HOLD);
    }

    @Test
    void givesTheSmaCrossStrategysSignalsCandleForCandle() {
        List<Candle> candles = SyntheticCandles.gbm(BTC, T0, Duration.ofMinutes(1), 600, 42, 0, 300,
                new BigDecimal("60000"));

        List<Signal> sma = signals(new SmaCrossStrategy(5, 13), candles);
        List<Signal> mine = signals(rules("crossedUp(sma(close, 5), sma(close, 13))",
                "crossedDown(sma(close, 5), sma(close, 13))"), candles);

        assertThat(mine).isEqualTo(sma);
        // Enough of both to mean something, past the 100 bars the series keeps.
        assertThat(Collections.frequency(mine, Signal.BUY)).isGreaterThanOrEqualTo(10);
        assertThat(Collections.frequency(mine, Signal.SELL)).isGreaterThanOrEqualTo(10);
        assertThat(mine.subList(100, 600)).contains(Signal.BUY, Signal.SELL);
    }

    @Test
    void givesTheRsiStrategysSignalsCandleForCandle() {
        List<Candle> candles = SyntheticCandles.gbm(BTC, T0, Duration.ofMinutes(1), 600, 7, 0, 300,
                new BigDecimal("60000"));

        List<Signal> rsi = signals(new RsiStrategy(14, new BigDecimal("30"), new BigDecimal("70")), candles);
        List<Signal> mine = signals(rules("rsi(close, 14) < 30", "rsi(close, 14) > 70"), candles);

        assertThat(mine).isEqualTo(rsi);
        assertThat(Collections.frequency(mine, Signal.BUY)).isGreaterThanOrEqualTo(10);
        assertThat(Collections.frequency(mine, Signal.SELL)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theDescriptionShowsBothRulesShortened() {
        RulesStrategy strategy = rules("crossedUp(ema(close,12), ema(close,26)) and rsi(close,14) < 70",
                "rsi(close, 14) > 80");

        assertThat(strategy.name()).isEqualTo("rules");
        assertThat(strategy.description()).isEqualTo("entry crossedUp(ema(close, 12), ema(close, 26)) and ...; "
                + "exit rsi(close, 14) > 80");
        assertThat(rules("crossedUp(ema(close, 12), ema(close, 26))", "close > bollingerUpper(close, 20, 2) and "
                + "rsi(close, 14) > 80").description()).isEqualTo("entry crossedUp(ema(close, 12), ema(close, 26)); "
                + "exit close > bollingerUpper(close, 20, 2) and rsi(close, 14) > 80");
        assertThat(rules("bollingerWidth(close, 20, 2) > bollingerWidth(previous(close, 1), 20, 2)", "close < 1")
                .description()).isEqualTo("entry bollingerWidth(close, 20, 2) > ...; exit close < 1");
    }

    @Test
    void explainsHowManyCandlesItStillNeeds() {
        RulesStrategy strategy = rules("crossedUp(sma(close, 2), sma(close, 3))", "close < 10");

        assertThat(strategy.explain(seriesOf(flat(20, 18)).series())).isEqualTo("warming up: 2 of 4 candles");
        assertThat(strategy.explain(seriesOf(flat(20, 18, 16)).series())).isEqualTo("warming up: 3 of 4 candles");
    }

    @Test
    void explainsEachConditionWithTheValuesItCompares() {
        RulesStrategy strategy = rules("crossedUp(sma(close, 2), sma(close, 3)) and close > 15",
                "crossedDown(sma(close,2), sma(close,3)) or close < 10 or not rising(close, 2)");

        // Bar 6: SMA2 (14 + 18) / 2 = 16, SMA3 (12 + 14 + 18) / 3 = 14.67, crossed above (bar 5: 13 against 13.33).
        assertThat(strategy.explain(seriesOf(flat(20, 18, 16, 14, 12, 14, 18)).series())).isEqualTo(
                "entry yes: crossedUp(sma(close, 2) 16, sma(close, 3) 14.67): yes; close 18 > 15: yes"
                + " | exit no: crossedDown(sma(close, 2) 16, sma(close, 3) 14.67): no; close 18 < 10: no;"
                + " not rising(close, 2): no");
    }

    @Test
    void smallValuesKeepFourSignificantDigits() {
        CandleSeries series = seriesOf(flat(1, 2, 3));

        assertThat(RuleExplanation.value(series.series().numOf(new BigDecimal("0.000012345")))).isEqualTo("0.00001234");
        assertThat(RuleExplanation.value(series.series().numOf(new BigDecimal("63.2478")))).isEqualTo("63.25");
        assertThat(RuleExplanation.value(series.series().numOf(new BigDecimal("61000.00")))).isEqualTo("61000");
        assertThat(RuleExplanation.value(series.series().numOf(new BigDecimal("-0.5")))).isEqualTo("-0.5");
    }

    @Test
    void aNumberIsRefusedAsARule() {
        assertThatThrownBy(() -> new RulesStrategy(Rules.number("close"), rule("close > 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry and exit must be rules, got number and rule");
    }
}
