package com.example.breakout;

import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyPlugin;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import org.ta4j.core.BarSeries;

/**
 * The {@code breakout} strategy: buys a close above the highest high of the {@code entryBars} candles before it, then
 * holds with a stop at the lowest low of the last {@code stopBars} candles, raised as the trade goes, and at least at
 * the entry price once the position has gained {@code breakEvenPct} percent. Listed in
 * {@code META-INF/services/com.byninja.strategy.api.StrategyPlugin}, which is how the bot finds it.
 *
 * <pre>
 * strategy:
 *   name: breakout
 *   params:
 *     entryBars: 20       # the breakout: above the highest high of this many candles before
 *     stopBars: 10        # the stop: the lowest low of this many candles, the last one included
 *     breakEvenPct: 1.5   # from this gain on, the stop is at least the entry price; 0 (the default) never
 * </pre>
 */
public final class BreakoutPlugin implements StrategyPlugin {

    /** The name in configuration. */
    public static final String NAME = "breakout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(Parameters parameters) {
        Settings s = Settings.read(parameters);
        return "breakout above the highest high of " + s.entryBars() + " candles, stop at the lowest low of "
                + s.stopBars() + (s.breakEvenPct().signum() > 0
                ? ", at the entry from +" + s.breakEvenPct().toPlainString() + " %" : "");
    }

    @Override
    public SymbolStrategy create(BarSeries series, Parameters parameters) {
        return new BreakoutStrategy(series, Settings.read(parameters));
    }

    /** The parameters, read and checked: every one of them, always, so that the bot can tell a misspelt one. */
    record Settings(int entryBars, int stopBars, BigDecimal breakEvenPct) {

        static Settings read(Parameters p) {
            return new Settings(p.wholeNumber("entryBars", 20, 1, 10_000), p.wholeNumber("stopBars", 10, 1, 10_000),
                    p.decimal("breakEvenPct", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.valueOf(1000)));
        }
    }
}
