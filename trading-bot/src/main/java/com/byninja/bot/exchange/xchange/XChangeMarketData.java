package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real exchange's public prices: the last price per poll, and closed candles from the exchange's own candle call
 * (Binance klines, XChange's generic candles elsewhere), at start for history and after each period for the
 * strategies. Where the exchange has no candles of the timeframe, history is empty and the market monitor builds
 * candles from the polled prices.
 *
 * <p>A candle counts as final once the exchange has begun a later one, or {@value #SETTLE_MS} ms after its end when
 * it has not (a market without trades): Binance keeps adding the last trades of a period to its kline for a second
 * or two after the period ended, and a candle taken too early would miss them for good.
 */
final class XChangeMarketData implements MarketData {

    static final long SETTLE_MS = 3_000;
    private static final int MAX_CANDLES = 1000;

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
        Instant now = clock.instant();
        // One more than asked: the newest is usually still in progress.
        Optional<List<Candle>> answer = calls.read("candles of " + symbol,
                () -> source.candles(symbol, timeframe, null, Math.min(count + 1, MAX_CANDLES), now));
        if (answer.isEmpty()) {
            return List.of();
        }
        List<Candle> closed = closed(answer.get(), now);
        return closed.size() > count ? closed.subList(closed.size() - count, closed.size()) : closed;
    }

    @Override
    public Optional<String> followCandles(Symbol symbol, Duration timeframe) {
        return source.candleName(timeframe);
    }

    @Override
    public Optional<List<Candle>> closedCandlesSince(Symbol symbol, Duration timeframe, Instant since)
            throws ExchangeException {
        Instant now = clock.instant();
        // The candles from since to now, and one more: the one in progress shows that the one before it is final.
        long periods = Math.max(0, Duration.between(since, now).toMillis() / timeframe.toMillis()) + 2;
        Optional<List<Candle>> answer = calls.read("candles of " + symbol,
                () -> source.candles(symbol, timeframe, since, (int) Math.min(periods, MAX_CANDLES), now));
        return answer.map(candles -> closed(candles, now).stream().filter(c -> !c.start().isBefore(since))
                .toList());
    }

    /** @return the final candles of {@code candles} (oldest first), in order. */
    static List<Candle> closed(List<Candle> candles, Instant now) {
        List<Candle> closed = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            boolean followed = i + 1 < candles.size() && !candles.get(i + 1).start().isBefore(c.end());
            boolean settled = !c.end().plusMillis(SETTLE_MS).isAfter(now);
            if (followed || settled) {
                closed.add(c);
            }
        }
        return closed;
    }
}
