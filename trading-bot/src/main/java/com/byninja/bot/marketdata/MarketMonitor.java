package com.byninja.bot.marketdata;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one symbol on its own thread, {@code market-monitor-BASE/QUOTE}: loads the recent history once, then asks
 * the exchange for the last price every poll interval, keeps that price and its age for health checks (and the
 * protective exits), and hands each closed candle to the trading thread. Network waits happen here, never on the
 * trading thread.
 *
 * <p>Candles come from the exchange where it has them for the timeframe ({@link MarketData#followCandles}): each
 * closed candle is fetched just after its period ends, with its real volume, high and low ({@link CandleFollower}
 * decides what to ask and what to hand on). Where it has none, candles are built from the polled prices
 * ({@link CandleAggregator}): volume zero, highs and lows only as sampled, which the log says once at start and
 * {@link #candleSource()} says for status. A built candle of the period the monitor started in would open at
 * whatever price came first, mid-period: it is never handed on.
 *
 * <p>The thread is an {@link AgentRunner}'s: a failure the monitor does not expect, such as a listener that throws,
 * goes to its error handler and the monitor carries on with the next poll.
 */
public final class MarketMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketMonitor.class);
    private static final long JOIN_TIMEOUT_MS = 2_000;

    /** Told when prices stop or come back, on the monitor's thread. */
    public interface HealthListener {
        /** @param consecutiveErrors price requests (one per poll, however often each was tried) failed in a row */
        void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError);

        /**
         * @param failedPolls price requests that failed in a row before this one answered
         * @param without     from the first of them to this answer
         */
        void onPricesRecovered(Symbol symbol, int failedPolls, Duration without);
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
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong errors = new AtomicLong();
    private final AgentRunner runner;
    private final boolean exchangeCandles;
    private volatile String candleSource;
    private volatile Ticker last;
    private CandleAggregator aggregator;
    private boolean firstBuiltCandle = true;
    private CandleFollower follower;
    private int consecutiveErrors;
    private Instant firstError;
    private boolean failingReported;
    private long nextPollNanos;

    /**
     * Asks the exchange at once, without the network, whether it has candles of {@code timeframe}.
     *
     * @param pollIntervalMs  time between two price requests
     * @param warmupBars      candles of history loaded at start, 0 for none
     * @param errorAlertAfter failed price requests in a row before {@code health} is told
     */
    public MarketMonitor(Symbol symbol, MarketData marketData, Duration timeframe, long pollIntervalMs,
                         int warmupBars, int errorAlertAfter, MarketListener listener, HealthListener health,
                         Clock clock) {
        this(symbol, marketData, timeframe, pollIntervalMs, warmupBars, errorAlertAfter, listener, health, clock,
                ErrorHandler.logging(LOG, new Counters()));
    }

    /**
     * As {@link #MarketMonitor(Symbol, MarketData, Duration, long, int, int, MarketListener, HealthListener, Clock)},
     * with the handler told of the monitor's unexpected failures, such as one that counts them for status.
     */
    public MarketMonitor(Symbol symbol, MarketData marketData, Duration timeframe, long pollIntervalMs,
                         int warmupBars, int errorAlertAfter, MarketListener listener, HealthListener health,
                         Clock clock, ErrorHandler errorHandler) {
        this.symbol = symbol;
        this.marketData = marketData;
        this.timeframe = timeframe;
        this.pollIntervalMs = pollIntervalMs;
        this.warmupBars = warmupBars;
        this.errorAlertAfter = errorAlertAfter;
        this.listener = listener;
        this.health = health;
        this.clock = clock;
        Optional<String> own = marketData.followCandles(symbol, timeframe);
        this.exchangeCandles = own.isPresent();
        this.candleSource = own.orElseGet(this::builtFromPolls);
        this.runner = new AgentRunner(new Watch(), errorHandler, JOIN_TIMEOUT_MS);
    }

    /** Starts the monitor's thread. */
    public void start() {
        if (!exchangeCandles) {
            LOG.info("{}: {} has no {} candles of its own: they are built from {} ms price polls, with volume 0 and "
                    + "highs and lows only as sampled", symbol, marketData.exchangeName(), Durations.format(timeframe),
                    pollIntervalMs);
        }
        runner.start();
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

    /**
     * @return where the candles strategies see come from, for status: the exchange's own ({@code binance klines},
     *         {@code simulated ticks (exact, no volume)}) or {@code built from 1000 ms price polls (no volume)}
     */
    public String candleSource() {
        return candleSource;
    }

    private String builtFromPolls() {
        return "built from " + pollIntervalMs + " ms price polls (no volume)";
    }

    /** The monitor's role on its thread: history once, then a poll every interval and each candle when it is due. */
    private final class Watch implements Agent {
        @Override
        public String roleName() {
            return "market-monitor-" + symbol;
        }

        @Override
        public void onStart() {
            Instant historyEnd = loadHistory();
            if (exchangeCandles) {
                follower = new CandleFollower(symbol, timeframe, clock.instant(), historyEnd);
            } else {
                aggregator = new CandleAggregator(symbol, timeframe);
            }
            nextPollNanos = System.nanoTime();
        }

        @Override
        public int doWork() throws InterruptedException {
            int work = 0;
            if (System.nanoTime() - nextPollNanos >= 0) {
                poll();
                work++;
                nextPollNanos += TimeUnit.MILLISECONDS.toNanos(pollIntervalMs);
                if (System.nanoTime() - nextPollNanos >= 0) {
                    // A poll slower than the interval: the next one follows at once, without catching up.
                    nextPollNanos = System.nanoTime();
                }
            }
            if (follower != null && clock.millis() >= follower.dueAt()) {
                fetchCandles();
                work++;
            }
            // Real time between polls; the clock's time until the next candle is due. Bounded by the interval, so a
            // clock set forward is noticed within one.
            long wait = TimeUnit.NANOSECONDS.toMillis(nextPollNanos - System.nanoTime()) + 1;
            if (follower != null) {
                wait = Math.min(wait, Math.max(1, follower.dueAt() - clock.millis()));
            }
            stop.await(Math.min(wait, pollIntervalMs), TimeUnit.MILLISECONDS);
            return work;
        }

        @Override
        public void onStopRequested() {
            stop.countDown();
        }
    }

    /** @return the end of the last candle of history, or null when none was loaded. */
    private Instant loadHistory() {
        if (warmupBars == 0) {
            return null;
        }
        try {
            List<Candle> history = marketData.history(symbol, timeframe, warmupBars);
            listener.onHistory(symbol, history);
            LOG.debug("{}: loaded {} candles of history", symbol, history.size());
            return history.isEmpty() ? null : history.get(history.size() - 1).end();
        } catch (ExchangeException | RuntimeException e) {
            LOG.warn("{}: no history from {} ({}); strategies start from live candles", symbol,
                    marketData.exchangeName(), e.getMessage());
            return null;
        }
    }

    private void fetchCandles() {
        Optional<List<Candle>> answer;
        try {
            answer = marketData.closedCandlesSince(symbol, timeframe, follower.since());
        } catch (ExchangeException | RuntimeException e) {
            LOG.info("{}: candles request failed: {}", symbol, e.getMessage());
            follower.failed(clock.instant());
            return;
        }
        if (answer.isEmpty()) {
            follower = null;
            aggregator = new CandleAggregator(symbol, timeframe);
            candleSource = builtFromPolls();
            LOG.info("{}: {} gives no {} candles after all: they are built from {} ms price polls from now on, with "
                    + "volume 0 and highs and lows only as sampled", symbol, marketData.exchangeName(),
                    Durations.format(timeframe), pollIntervalMs);
            return;
        }
        follower.accept(answer.get(), clock.instant()).forEach(listener::onCandle);
    }

    private void poll() {
        try {
            Ticker ticker = marketData.ticker(symbol);
            last = ticker;
            if (failingReported) {
                health.onPricesRecovered(symbol, consecutiveErrors, Duration.between(firstError, clock.instant()));
            }
            consecutiveErrors = 0;
            failingReported = false;
            if (aggregator != null) {
                aggregator.onPrice(ticker.price(), ticker.time()).ifPresent(this::builtCandle);
            }
        } catch (ExchangeException | RuntimeException e) {
            errors.incrementAndGet();
            consecutiveErrors++;
            if (consecutiveErrors == 1) {
                firstError = clock.instant();
                LOG.info("{}: price request failed: {}", symbol, e.getMessage());
            }
            if (consecutiveErrors >= errorAlertAfter && !failingReported) {
                failingReported = true;
                health.onPricesFailing(symbol, consecutiveErrors, String.valueOf(e.getMessage()));
            }
        }
    }

    private void builtCandle(Candle candle) {
        if (firstBuiltCandle) {
            firstBuiltCandle = false;
            LOG.debug("{}: the candle of {}, the period the monitor started in, is partial; not handed on", symbol,
                    candle.start());
            return;
        }
        listener.onCandle(candle);
    }

    /** Asks the thread to stop after the request in progress, without waiting. */
    public void requestStop() {
        runner.requestStop();
    }

    /**
     * Waits for the thread, asked to stop, until {@code deadlineNanos} (of {@link System#nanoTime()}); interrupts it
     * if it is still waiting for the exchange then.
     *
     * @return whether it had ended by the deadline
     */
    public boolean awaitStop(long deadlineNanos) {
        return runner.awaitStop(deadlineNanos);
    }

    /** Stops the thread, waiting a bounded time, then interrupting it. */
    @Override
    public void close() {
        runner.close();
    }
}
