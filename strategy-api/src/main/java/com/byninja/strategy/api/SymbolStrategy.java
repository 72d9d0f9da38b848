package com.byninja.strategy.api;

/**
 * A plug-in's strategy for one symbol, made by {@link StrategyPlugin#create}. The bot asks it once per closed candle,
 * on the trading thread, and never from two threads at once; it may keep state between candles (its indicators,
 * anything it remembers), but state is lost when the bot restarts, so derive what matters from the series and the
 * position in the {@link StrategyContext}.
 *
 * <p>A strategy that throws (from {@link #decide} or {@link #explain}) does not stop the bot: the failure is counted
 * ({@code strategyErrors} in {@code status}), logged once per kind (the exception's class and where it was thrown),
 * and the candle counts as {@link Decision#hold() hold}.
 */
public interface SymbolStrategy {

    /**
     * @return candles the strategy needs before its first decision: the bot holds, without asking, on every candle
     *         whose index counted from the first candle it holds (0) is lower. A strategy reading the highest high of
     *         the 20 candles before the current one needs 20.
     */
    int unstableBars();

    /**
     * @param context the closed candle, the series up to it, the time and the open position, if any
     * @return what to do: {@link Decision#hold()}, {@link Decision#enter()}, {@link Decision#exit()} or
     *         {@link Decision#stopAt}
     */
    Decision decide(StrategyContext context);

    /**
     * @param context as for {@link #decide}
     * @return what the strategy sees on this candle and what would make it act, for the progress line the bot logs
     *         on each candle (such as {@code close 61020 is below the 20-candle high 61250: enters above it}); null
     *         to show the description instead. Only asked when that line is logged, so it may cost more than
     *         deciding.
     */
    default String explain(StrategyContext context) {
        return null;
    }
}
