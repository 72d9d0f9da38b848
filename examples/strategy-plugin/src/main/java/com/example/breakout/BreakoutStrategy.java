package com.example.breakout;

import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.OpenPosition;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.num.Num;

/**
 * One symbol's breakout: ta4j indicators built once on the bot's series, read on each closed candle.
 *
 * <ul>
 *   <li>Without a position: enter when the close is above the highest high of the {@code entryBars} candles before
 *       this one.</li>
 *   <li>With one: hold, with the stop at the lowest low of the last {@code stopBars} candles (this one included), and
 *       at least at the entry price once the unrealised gain reaches {@code breakEvenPct}. The bot keeps the highest
 *       stop it was given, so the stop follows the lows up and never down.</li>
 * </ul>
 *
 * It never exits on its own: the stop does, or the bot's take-profit and trailing stop when configured.
 */
final class BreakoutStrategy implements SymbolStrategy {

    private final BreakoutPlugin.Settings settings;
    private final Indicator<Num> close;
    private final Indicator<Num> highest;
    private final Indicator<Num> lowest;

    BreakoutStrategy(BarSeries series, BreakoutPlugin.Settings settings) {
        this.settings = settings;
        this.close = new ClosePriceIndicator(series);
        this.highest = new HighestValueIndicator(new HighPriceIndicator(series), settings.entryBars());
        this.lowest = new LowestValueIndicator(new LowPriceIndicator(series), settings.stopBars());
    }

    /** The breakout compares with the {@code entryBars} candles before this one; the stop reads {@code stopBars}. */
    @Override
    public int unstableBars() {
        return Math.max(settings.entryBars(), settings.stopBars() - 1);
    }

    @Override
    public Decision decide(StrategyContext context) {
        int i = context.index();
        Optional<OpenPosition> position = context.position();
        if (position.isEmpty()) {
            return close.getValue(i).isGreaterThan(highest.getValue(i - 1)) ? Decision.enter() : Decision.hold();
        }
        return Decision.stopAt(stop(i, position.get()));
    }

    @Override
    public String explain(StrategyContext context) {
        int i = context.index();
        Optional<OpenPosition> position = context.position();
        if (position.isEmpty()) {
            BigDecimal high = highest.getValue(i - 1).bigDecimalValue();
            return "close " + plain(close.getValue(i).bigDecimalValue()) + " against the " + settings.entryBars()
                    + "-candle high " + plain(high) + ": enters on a close above it";
        }
        OpenPosition p = position.get();
        return "holding from " + plain(p.entryPrice()) + ", " + plain(p.unrealisedPnlPct().setScale(2,
                RoundingMode.HALF_EVEN)) + " %; stop at " + plain(stop(i, p)) + " (lowest low of "
                + settings.stopBars() + " candles" + (breakEven(p) ? ", at least the entry" : "") + ")";
    }

    private BigDecimal stop(int i, OpenPosition p) {
        BigDecimal low = lowest.getValue(i).bigDecimalValue();
        return breakEven(p) ? low.max(p.entryPrice()) : low;
    }

    private boolean breakEven(OpenPosition p) {
        return settings.breakEvenPct().signum() > 0 && p.unrealisedPnlPct().compareTo(settings.breakEvenPct()) >= 0;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
