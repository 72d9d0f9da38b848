package com.byninja.bench;

import com.byninja.bot.domain.Candle;
import java.time.ZoneOffset;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The baseline: ta4j 0.17's own backtest, {@link BarSeriesManager}, on the same candles and rules. The series is built
 * the way the bot builds its own ({@code series.numOf} of each exact price), and the strategy is the one
 * {@code SmaCrossStrategy} builds, written out here from ta4j's parts so that the baseline does not depend on ours.
 */
final class Ta4jReplay {

    /**
     * @param buildNanos building the series from the candles
     * @param runNanos   building the strategy and running the manager
     * @param trades     closed positions
     */
    record Outcome(long buildNanos, long runNanos, int trades) {
    }

    private Ta4jReplay() {
    }

    /** @param numType {@code DecimalNum} (ta4j's default) or {@code DoubleNum} */
    static Outcome run(List<Candle> candles, Class<? extends Num> numType) {
        long t0 = System.nanoTime();
        BarSeries series = new BaseBarSeriesBuilder().withName(ReplayData.SYMBOL.toString()).withNumTypeOf(numType)
                .build();
        for (Candle c : candles) {
            series.addBar(c.period(), c.end().atZone(ZoneOffset.UTC), series.numOf(c.open()), series.numOf(c.high()),
                    series.numOf(c.low()), series.numOf(c.close()), series.numOf(c.volume()));
        }
        long t1 = System.nanoTime();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, ReplayData.FAST);
        SMAIndicator slow = new SMAIndicator(close, ReplayData.SLOW);
        Strategy strategy = new BaseStrategy("sma-cross", new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), ReplayData.SLOW);
        BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(ReplayData.FEE),
                new ZeroCostModel(), new TradeOnNextOpenModel());
        TradingRecord record = manager.run(strategy);
        long t2 = System.nanoTime();
        return new Outcome(t1 - t0, t2 - t1, record.getPositionCount());
    }
}
