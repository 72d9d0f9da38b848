package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exchange's public market data, as XChange reaches it. Calls block on the network and throw what XChange throws.
 */
public interface MarketSource {

    /** @return the exchange's short name, such as {@code binance}. */
    String name();

    /** @return the API address the calls go to: {@code exchange.baseUrl}, or the exchange's own. */
    String apiUrl();

    /** @return what the exchange's own error codes say, where the bot reads them. */
    default XChangeErrors.Codes errorCodes() {
        return XChangeErrors.Codes.NONE;
    }

    /** @return size and precision rules of {@code symbols}; markets without metadata are left out. */
    Map<Symbol, MarketRules> rules(List<Symbol> symbols) throws Exception;

    /** @return the last traded price. */
    BigDecimal lastPrice(Symbol symbol) throws Exception;

    /**
     * Answered without the network.
     *
     * @return what the exchange's candles of {@code timeframe} are called, such as {@code binance klines}; empty when
     *         it has none of that length (the bot then builds candles from tickers)
     */
    Optional<String> candleName(Duration timeframe);

    /**
     * @param since the start of the earliest candle wanted, or null for the most recent ones
     * @param count how many candles at most
     * @param now   the bot's time, for exchanges that ask for a time range
     * @return up to {@code count} candles of {@code timeframe}, oldest first, as the exchange has them now: the last
     *         ones may still be in progress; empty when the exchange has no candles of that length
     */
    Optional<List<Candle>> candles(Symbol symbol, Duration timeframe, Instant since, int count, Instant now)
            throws Exception;
}
