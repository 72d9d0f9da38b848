package com.byninja.bot.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.CandleSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Strategy;

class SmaCrossStrategyTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    /** Feeds closes one candle at a time, as live trading does, and records the signal after each. */
    static List<Signal> signals(TradingStrategy strategy, int... closes) {
        return signals(strategy, java.util.Arrays.stream(closes).mapToObj(BigDecimal::valueOf).toList());
    }

    static List<Signal> signals(TradingStrategy strategy, List<BigDecimal> closes) {
        CandleSeries series = new CandleSeries(BTC, 100);
        Strategy built = strategy.build(series.series());
        List<Signal> signals = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (BigDecimal c : closes) {
            series.add(new Candle(BTC, t, Duration.ofMinutes(1), c, c, c, c, BigDecimal.ONE));
            signals.add(TradingStrategy.signalAt(built, series.series()));
            t = t.plus(Duration.ofMinutes(1));
        }
        return signals;
    }

    @Test
    void buysWhenFastAverageCrossesAboveSlowAndSellsWhenItCrossesBelow() {
        // index:        0   1   2   3   4   5   6   7   8   9  10
        // SMA2:        20  19  17  15  13  13  16  20  21  17  12
        // SMA3:        20  19  18  16  14 13.3 14.7 18  20 18.7 14.7
        // fast - slow:  0   0  -1  -1  -1 -0.3 +1.3 +2 +1 -1.7 -2.7  -> up at 6, down at 9
        List<Signal> s = signals(new SmaCrossStrategy(2, 3), 20, 18, 16, 14, 12, 14, 18, 22, 20, 14, 10);

        assertThat(s).containsExactly(Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD, Signal.HOLD,
                Signal.BUY, Signal.HOLD, Signal.HOLD, Signal.SELL, Signal.HOLD);
    }

    @Test
    void holdsWhileTheSlowAverageIsUnstable() {
        // The cross at index 2 happens before the 3-bar average is complete: no signal.
        List<Signal> s = signals(new SmaCrossStrategy(1, 3), 10, 8, 12);

        assertThat(s).containsOnly(Signal.HOLD);
    }

    @Test
    void aFlatMarketNeverSignals() {
        assertThat(signals(new SmaCrossStrategy(2, 5), 7, 7, 7, 7, 7, 7, 7, 7, 7, 7)).containsOnly(Signal.HOLD);
    }

    @Test
    void averagesThatAreExactlyEqualAreATieNotACross() {
        // index:       0    1    2     3     4     5    6    7
        // SMA2:       .9   .5   .4    .5    .5    .7   .7   .8
        // SMA3:       .9   .5  .567  .367  .567  .567  .7  .767
        // fast - slow: 0    0  -1/6  2/15 -1/15  2/15  0   1/30  -> up at 3, down at 4, up at 5; at 6 the averages
        // are equal, which is no cross, and 7 stays above. In binary floating point SMA2 at 6 comes out
        // 0.6999999999999998 and SMA3 0.7000000000000001: a sell at 6 and a buy at 7 made of rounding noise.
        List<BigDecimal> closes = java.util.stream.Stream.of("0.9", "0.1", "0.7", "0.3", "0.7", "0.7", "0.7", "0.9")
                .map(BigDecimal::new).toList();

        assertThat(signals(new SmaCrossStrategy(2, 3), closes)).containsExactly(Signal.HOLD, Signal.HOLD,
                Signal.HOLD, Signal.BUY, Signal.SELL, Signal.BUY, Signal.HOLD, Signal.HOLD);
    }
}
