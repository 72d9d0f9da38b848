package com.byninja.bot.replay;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices from replayed history: a symbol's price is the close of its last candle replayed, as of that candle's end.
 * Orders filled on it fill where the live simulator would have filled them at that moment. Thread-safe, so the live
 * engine's order threads can read it too.
 */
public final class HistoryPrices implements MarketData, Trader.PriceSource {

    private final Map<Symbol, List<Candle>> candles = new ConcurrentHashMap<>();
    private final Map<Symbol, Ticker> last = new ConcurrentHashMap<>();

    /** The market moved: {@code candle} closed. */
    public void update(Candle candle) {
        candles.computeIfAbsent(candle.symbol(), s -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(candle);
        last.put(candle.symbol(), new Ticker(candle.symbol(), candle.close(), candle.start().plus(candle.period())));
    }

    /** The price of {@code symbol} is {@code price} at {@code time}, such as a point inside a candle. */
    public void quote(Symbol symbol, BigDecimal price, Instant time) {
        last.put(symbol, new Ticker(symbol, price, time));
    }

    @Override
    public Optional<Ticker> last(Symbol symbol) {
        return Optional.ofNullable(last.get(symbol));
    }

    @Override
    public String exchangeName() {
        return "replay";
    }

    @Override
    public Ticker ticker(Symbol symbol) throws ExchangeException {
        Ticker t = last.get(symbol);
        if (t == null) {
            throw new ExchangeException("no candle of " + symbol + " has been replayed yet");
        }
        return t;
    }

    @Override
    public List<Candle> history(Symbol symbol, Duration timeframe, int count) {
        List<Candle> all = candles.getOrDefault(symbol, List.of());
        synchronized (all) {
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }
}
