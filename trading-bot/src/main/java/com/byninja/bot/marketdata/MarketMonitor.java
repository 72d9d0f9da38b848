package com.byninja.bot.marketdata;

import com.byninja.bot.Threads;
import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.exchange.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one symbol on its own thread, {@code market-monitor-BASE/QUOTE}: loads the recent history once, then asks
 * the exchange for the last price every poll interval, keeps that price and its age for health checks, and hands
 * each closed candle to the trading thread. Network waits happen here, never on the trading thread.
 */
public final class MarketMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketMonitor.class);
    private static final long JOIN_TIMEOUT_MS = 2_000;

    /** Told when prices stop or come back, on the monitor's thread. */
    public interface HealthListener {
        void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError);

        void onPricesRecovered(Symbol symbol, int failedPolls);
    }

    private final Symbol symbol;
    private final MarketData marketData;
    private final Duration timeframe;
    private final long pollIntervalMs;
    private final int warmupBars;
    private final int errorAlertAfter;
    private final MarketListener listener;
    private final HealthListener health;
    private final Clock clock;
    private final CandleAggregator aggregator;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong errors = new AtomicLong();
    private final Thread thread;
    private volatile Ticker last;
    private int consecutiveErrors;
    private boolean failingReported;

    public MarketMonitor(Symbol symbol, MarketData marketData, Duration timeframe, long pollIntervalMs,
                         int warmupBars, int errorAlertAfter, MarketListener listener, HealthListener health,
                         Clock clock) {
        this.symbol = symbol;
        this.marketData = marketData;
        this.timeframe = timeframe;
        this.pollIntervalMs = pollIntervalMs;
        this.warmupBars = warmupBars;
        this.errorAlertAfter = errorAlertAfter;
        this.listener = listener;
        this.health = health;
        this.clock = clock;
        this.aggregator = new CandleAggregator(symbol, timeframe);
        this.thread = new Thread(this::run, "market-monitor-" + symbol);
        this.thread.setDaemon(true);
    }

    /** Starts the monitor's thread. */
    public void start() {
        thread.start();
    }

    /** @return the last price seen, if any. */
    public Optional<Ticker> lastTicker() {
        return Optional.ofNullable(last);
    }

    /** @return failed price requests since start. */
    public long errorCount() {
        return errors.get();
    }

    /** @return the symbol watched. */
    public Symbol symbol() {
        return symbol;
    }

    private void run() {
        loadHistory();
        while (stop.getCount() > 0) {
            long began = clock.millis();
            poll();
            long wait = pollIntervalMs - (clock.millis() - began);
            try {
                if (wait > 0 && stop.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void loadHistory() {
        if (warmupBars == 0) {
            return;
        }
        try {
            List<Candle> history = marketData.history(symbol, timeframe, warmupBars);
            listener.onHistory(symbol, history);
            LOG.debug("{}: loaded {} candles of history", symbol, history.size());
        } catch (ExchangeException | RuntimeException e) {
            LOG.warn("{}: no history from {} ({}); strategies start from live candles", symbol,
                    marketData.exchangeName(), e.getMessage());
        }
    }

    private void poll() {
        try {
            Ticker ticker = marketData.ticker(symbol);
            last = ticker;
            if (failingReported) {
                health.onPricesRecovered(symbol, consecutiveErrors);
            }
            consecutiveErrors = 0;
            failingReported = false;
            aggregator.onPrice(ticker.price(), ticker.time()).ifPresent(listener::onCandle);
        } catch (ExchangeException | RuntimeException e) {
            errors.incrementAndGet();
            consecutiveErrors++;
            if (consecutiveErrors == 1) {
                LOG.info("{}: price request failed: {}", symbol, e.getMessage());
            }
            if (consecutiveErrors >= errorAlertAfter && !failingReported) {
                failingReported = true;
                health.onPricesFailing(symbol, consecutiveErrors, String.valueOf(e.getMessage()));
            }
        }
    }

    /** Stops the thread, waiting a bounded time, then interrupting it. */
    @Override
    public void close() {
        stop.countDown();
        Threads.joinThenInterrupt(thread, JOIN_TIMEOUT_MS);
    }
}
