package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.MarketRules;
import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An exchange's public market data, as XChange reaches it. Calls block on the network and throw what XChange throws. */
interface MarketSource {

    /** @return the exchange's short name, such as {@code binance}. */
    String name();

    /** @return size and precision rules of {@code symbols}; markets without metadata are left out. */
    Map<Symbol, MarketRules> rules(List<Symbol> symbols) throws Exception;

    /** @return the last traded price. */
    BigDecimal lastPrice(Symbol symbol) throws Exception;

    /**
     * @return up to {@code count} candles of {@code timeframe} closed before {@code now}, oldest first; empty when the
     *         exchange has no candles of that length (the bot then builds candles from tickers)
     */
    Optional<List<Candle>> closedCandles(Symbol symbol, Duration timeframe, int count, Instant now) throws Exception;
}
