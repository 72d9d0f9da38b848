package com.byninja.bot.strategy;

import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyPlugin;
import com.byninja.strategy.api.SymbolStrategy;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Strategy;

/**
 * A strategy from a plug-in: its name, its description for the configured parameters, and a {@link SymbolStrategy}
 * per symbol, which the trader asks on each closed candle with the position in view (the engine's
 * {@code PluginDecider}). It has no ta4j rules of its own, so {@link #build} is not for it.
 */
public final class PluginStrategy implements TradingStrategy {

    private final StrategyPlugin plugin;
    private final Parameters parameters;
    private final String description;

    /**
     * @param plugin     the plug-in
     * @param parameters its parameters, checked with it when the configuration was read
     */
    public PluginStrategy(StrategyPlugin plugin, Parameters parameters) {
        this.plugin = plugin;
        this.parameters = parameters;
        this.description = plugin.describe(parameters);
    }

    @Override
    public String name() {
        return plugin.name();
    }

    @Override
    public String description() {
        return description;
    }

    /** @return the configured parameters */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * @param series one symbol's candles, the bot's own series
     * @return the plug-in's strategy for that symbol
     * @throws RuntimeException whatever the plug-in throws
     */
    public SymbolStrategy create(BarSeries series) {
        return plugin.create(series, parameters);
    }

    /** A plug-in decides through {@link #create}, with the position in view; it has no ta4j rules to build. */
    @Override
    public Strategy build(BarSeries series) {
        throw new UnsupportedOperationException(plugin.name() + " is a plug-in: it decides through create");
    }

    /** @return the description: the symbol's own strategy explains a candle */
    @Override
    public String explain(BarSeries series) {
        return description;
    }
}
