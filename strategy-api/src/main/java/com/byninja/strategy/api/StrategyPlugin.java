package com.byninja.strategy.api;

import org.ta4j.core.BarSeries;

/**
 * A strategy written in Java outside the bot, found with {@link java.util.ServiceLoader}: a jar dropped into the bot's
 * plug-in directory ({@code strategy.pluginDir}, {@code plugins} by default) that lists its implementation in
 * {@code META-INF/services/com.byninja.strategy.api.StrategyPlugin}. The bot's own strategies ({@code sma-cross},
 * {@code rsi}, {@code rules}) are found the same way.
 *
 * <p>Chosen by its {@link #name()} in the configuration, with its parameters under {@code strategy.params}:
 *
 * <pre>
 * strategy:
 *   name: breakout
 *   params:
 *     entryBars: 20
 *     stopBars: 10
 * </pre>
 *
 * <p>One instance serves the whole process: it makes a {@link SymbolStrategy} per symbol (and per backtest, several of
 * which may run side by side in a sweep), so it keeps no state of its own and may be called from several threads.
 * The same strategy runs unchanged live, on paper and in backtests: the bot asks it the same questions on the same
 * closed candles.
 *
 * <p>At start the bot checks the configuration with the plug-in before anything trades: it calls {@link #describe}
 * and {@link #create} (on an empty series) with the configured parameters. A {@link ParameterException} stops the bot
 * with exit code 2 and a line naming {@code strategy.params.NAME} and the line of the configuration file; so does a
 * configured parameter that neither call read (a misspelt name, most likely). Read every parameter you know in
 * {@code create}, whatever the others say.
 */
public interface StrategyPlugin {

    /**
     * @return the name in configuration ({@code strategy.name}), such as {@code breakout}: 1 to 64 letters, digits,
     *         {@code .}, {@code _} or {@code -}, unlike any other strategy's
     */
    String name();

    /**
     * @param parameters the configured parameters
     * @return the strategy and its parameters in one line, for the log and {@code status}, such as
     *         {@code breakout above the highest high of 20 candles, stop at the lowest low of 10}
     * @throws ParameterException when a parameter is wrong
     */
    String describe(Parameters parameters);

    /**
     * Makes the strategy of one symbol. Called once per symbol when the bot (or a backtest) starts, before any candle
     * is held, so {@code series} is usually empty: build indicators on it, do not read its bars here.
     *
     * @param series     the symbol's closed candles, the bot's own series, which grows by one bar per closed candle
     *                   and drops its oldest bars beyond {@code marketData.maxBars}; read it, never change it
     * @param parameters the configured parameters
     * @return the symbol's strategy
     * @throws ParameterException when a parameter is wrong
     */
    SymbolStrategy create(BarSeries series, Parameters parameters);
}
