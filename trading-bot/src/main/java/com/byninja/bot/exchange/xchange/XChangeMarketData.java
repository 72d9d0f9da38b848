package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.exchange.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real exchange's public prices: the last price per poll, and closed candles at start from the exchange's own
 * candle call (Binance klines, XChange's generic candles elsewhere). Where the exchange has no candles of the
 * timeframe, history is empty and the market monitor builds candles from the polled prices.
 */
final class XChangeMarketData implements MarketData {

    private final MarketSource source;
    private final Calls calls;
    private final Clock clock;

    XChangeMarketData(MarketSource source, Calls calls, Clock clock) {
        this.source = source;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public String exchangeName() {
        return source.name();
    }

    @Override
    public Ticker ticker(Symbol symbol) throws ExchangeException {
        return new Ticker(symbol, calls.read("price of " + symbol, () -> source.lastPrice(symbol)), clock.instant());
    }

    @Override
    public List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException {
        return calls.read("candles of " + symbol, () -> source.closedCandles(symbol, timeframe, count,
                clock.instant())).orElse(List.of());
    }
}
