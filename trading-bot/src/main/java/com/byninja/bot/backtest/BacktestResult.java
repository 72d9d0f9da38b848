package com.byninja.bot.backtest;

import com.byninja.charts.PricePath;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a backtest did.
 *
 * @param config       the configuration it ran, as the trader saw it
 * @param candles      the candles replayed, per symbol
 * @param trades       the round trips closed, in the order they closed
 * @param orders       every order, in the order placed
 * @param feesPaid     the fees of every fill, by currency
 * @param equity       the wallet's worth through the run: its curve, day ends and drawdown
 * @param pricePaths   per symbol, its candles as the price chart draws them
 * @param startBalance the wallet's worth at the start
 * @param endBalance   its worth at the last close, open positions at that close
 * @param slots        candle periods replayed
 * @param exposedSlots candle periods during which a position was open
 * @param elapsedNanos how long the replay took
 */
public record BacktestResult(BotConfig config, Map<Symbol, List<Candle>> candles, List<ClosedTrade> trades,
                             List<Order> orders, Map<String, BigDecimal> feesPaid, Equity equity,
                             Map<Symbol, PricePath> pricePaths,
                             BigDecimal startBalance, BigDecimal endBalance, long slots, long exposedSlots,
                             long elapsedNanos) {

    /** @return candles replayed over all symbols. */
    public long candleCount() {
        return candles.values().stream().mapToLong(List::size).sum();
    }
}
