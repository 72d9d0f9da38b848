package com.byninja.bot.backtest;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.xchange.Calls;
import com.byninja.bot.exchange.xchange.MarketSource;
import com.byninja.bot.exchange.xchange.XChangeErrors;
import com.byninja.runtime.RateLimiter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * An exchange's market data with every request paced by one {@link RateLimiter}, tries again included, and counted: a
 * download keeps to one request per interval however many symbols and pages it asks for. One thread at a time.
 */
final class PacedSource implements MarketSource {

    private static final long NANOS_PER_MS = 1_000_000L;

    private final MarketSource source;
    private final RateLimiter limiter;
    private final LongSupplier nanos;
    private final Calls.Sleeper sleeper;
    private long requests;

    /**
     * @param intervalMs the least time between two requests
     * @param nanos      the time, as {@link System#nanoTime}
     * @param sleeper    how to wait
     */
    PacedSource(MarketSource source, long intervalMs, LongSupplier nanos, Calls.Sleeper sleeper) {
        this.source = source;
        this.nanos = nanos;
        this.sleeper = sleeper;
        this.limiter = new RateLimiter(intervalMs * NANOS_PER_MS, 1, nanos.getAsLong());
    }

    /** @return the requests sent so far */
    long requests() {
        return requests;
    }

    /** Waits for the pace, then counts the request; an interrupt ends the wait and stays set. */
    private void pace() throws InterruptedException {
        long wait;
        while ((wait = limiter.delayNanos(nanos.getAsLong())) > 0) {
            try {
                sleeper.sleep((wait + NANOS_PER_MS - 1) / NANOS_PER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
        limiter.acquire(nanos.getAsLong());
        requests++;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String apiUrl() {
        return source.apiUrl();
    }

    @Override
    public XChangeErrors.Codes errorCodes() {
        return source.errorCodes();
    }

    @Override
    public Map<Symbol, MarketRules> rules(List<Symbol> symbols) throws Exception {
        pace();
        return source.rules(symbols);
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) throws Exception {
        pace();
        return source.lastPrice(symbol);
    }

    @Override
    public Optional<String> candleName(Duration timeframe) {
        return source.candleName(timeframe);
    }

    @Override
    public Optional<List<Candle>> candles(Symbol symbol, Duration timeframe, Instant since, int count, Instant now)
            throws Exception {
        pace();
        return source.candles(symbol, timeframe, since, count, now);
    }
}
