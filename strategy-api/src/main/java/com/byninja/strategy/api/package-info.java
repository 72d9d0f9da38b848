/**
 * The API a strategy plug-in is written against, and nothing else of the bot: a plug-in compiles against this module
 * (and ta4j, its one dependency) and runs unchanged live, on paper and in backtests.
 *
 * <ul>
 *   <li>{@link com.byninja.strategy.api.StrategyPlugin}: the service the bot finds with {@link java.util.ServiceLoader}
 *       in the jars of its plug-in directory; its name in configuration, a description, and a factory of
 *       per-symbol strategies.</li>
 *   <li>{@link com.byninja.strategy.api.SymbolStrategy}: one symbol's strategy, asked on each closed candle.</li>
 *   <li>{@link com.byninja.strategy.api.StrategyContext}: what it sees then: the symbol, the candles as a ta4j
 *       {@code BarSeries}, the time, the open position ({@link com.byninja.strategy.api.OpenPosition}), the
 *       parameters.</li>
 *   <li>{@link com.byninja.strategy.api.Decision}: hold, enter, exit, or a stop for the open position.</li>
 *   <li>{@link com.byninja.strategy.api.Parameters}: typed, checked reads of {@code strategy.params}, and
 *       {@link com.byninja.strategy.api.ParameterException} for a wrong one.</li>
 * </ul>
 *
 * docs/strategies.md, "Writing a plug-in", walks through an example, examples/strategy-plugin.
 */
package com.byninja.strategy.api;
