package com.byninja.bot.strategy;

import static com.byninja.bot.strategy.SmaCrossStrategyTest.signals;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.ConfigLoader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RsiStrategyTest {

    @Test
    void buysWhenOversoldAndSellsWhenOverbought() {
        // RSI(2), Wilder averages (ta4j's MMA: avg += (value - avg) / 2):
        // index 1-4 fall by 1: average gain 0, so RSI 0 < 30 -> BUY (from index 2, once stable)
        // index 5 rises by 1: gain .5, loss .46875 -> RSI 51.6 -> HOLD
        // index 6 rises by 1: gain .75, loss .234375 -> RSI 76.2 > 70 -> SELL, and higher after
        var s = signals(new RsiStrategy(2, BigDecimal.valueOf(30), BigDecimal.valueOf(70)),
                10, 9, 8, 7, 6, 7, 8, 9, 10, 11);

        assertThat(s).containsExactly(Signal.HOLD, Signal.HOLD, Signal.BUY, Signal.BUY, Signal.BUY, Signal.HOLD,
                Signal.SELL, Signal.SELL, Signal.SELL, Signal.SELL);
    }

    @Test
    void theConfiguredStrategyIsBuiltFromItsParameters() {
        var settings = ConfigLoader.defaultConfig().strategy();

        TradingStrategy strategy = Strategies.create(settings);

        assertThat(strategy.name()).isEqualTo("sma-cross");
        assertThat(strategy.description()).isEqualTo("SMA 9 crossing SMA 21");
    }
}
