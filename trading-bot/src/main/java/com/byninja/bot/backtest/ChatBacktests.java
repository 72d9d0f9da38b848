package com.byninja.bot.backtest;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.link.BacktestRequests;
import com.byninja.bot.strategy.Strategies;
import com.byninja.charts.EquityPoint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /backtest} from the chat: the configured strategies (each symbol's own included) over the bot's recent
 * history, fetched from the exchange and replayed through the same code as {@code backtest}, on a thread of its own
 * ({@code chat-backtest}), never the trading thread, one at a time. The command is answered at once; the result comes
 * as an alert, with the equity curve for the chat to draw, so it is delivered even if the link drops meanwhile.
 */
public final class ChatBacktests implements BacktestRequests, AutoCloseable {

    /** Days replayed when none are asked for. */
    public static final int DEFAULT_DAYS = 7;
    /** The most days one backtest from the chat replays. */
    public static final int MAX_DAYS = 90;
    /** The most candles per symbol: the history fetched and held in memory stays small. */
    static final int MAX_CANDLES = 150_000;
    /** Points of the equity curve sent for the picture: enough for its width. */
    static final int MAX_POINTS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ChatBacktests.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final BotConfig config;
    private final MarketData market;
    private final Alerts alerts;
    private final Clock clock;
    private final ThreadPoolExecutor thread;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param config the bot's configuration: its symbols, timeframe, strategies, risk and simulator (fee, slippage,
     *               starting balance) are the backtest's
     * @param market where the history comes from
     * @param alerts where the result goes
     * @param clock  the bot's time
     */
    public ChatBacktests(BotConfig config, MarketData market, Alerts alerts, Clock clock) {
        this.config = config;
        this.market = market;
        this.alerts = alerts;
        this.clock = clock;
        // One at a time: a second one is refused while the first runs, never queued.
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "chat-backtest");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param symbol the symbol to replay, or null for every configured one
     * @param days   the days to replay, or null for {@link #DEFAULT_DAYS}
     * @return what the asker is told now
     */
    @Override
    public Started start(Symbol symbol, Integer days) {
        int span = days == null ? DEFAULT_DAYS : days;
        long perDay = Duration.ofDays(1).toMillis() / config.timeframe().toMillis();
        int most = (int) Math.max(1, Math.min(MAX_DAYS, MAX_CANDLES / Math.max(1, perDay)));
        if (span < 1 || span > most) {
            return new Started(false, "A backtest from the chat replays 1 to " + most + " days of "
                    + Durations.format(config.timeframe()) + " candles; got " + span + ". For longer, run "
                    + "`backtest download` and `backtest` on a copy of the configuration (docs/backtesting.md).");
        }
        List<Symbol> symbols = symbol == null ? config.symbols() : List.of(symbol);
        Instant now = clock.instant();
        String what = Strategies.describe(config.withOnly(symbols)) + " on " + String.join(", ",
                symbols.stream().map(Symbol::toString).toList()) + ", " + span + (span == 1 ? " day" : " days") + " of "
                + Durations.format(config.timeframe()) + " candles";
        try {
            thread.execute(() -> run(symbols, span, now, what));
        } catch (RejectedExecutionException e) {
            return new Started(false, "A backtest is running already; its result comes as a message. Ask again "
                    + "when it is in.");
        }
        return new Started(true, "Backtesting " + what + ": the result follows as a message with its equity curve.");
    }

    private void run(List<Symbol> symbols, int days, Instant now, String what) {
        long started = System.nanoTime();
        Instant from = now.minus(Duration.ofDays(days));
        Map<Symbol, List<Candle>> candles = new LinkedHashMap<>();
        try {
            for (Symbol s : symbols) {
                candles.put(s, history(s, from, now));
            }
            if (candles.values().stream().allMatch(List::isEmpty)) {
                raise("Backtest of " + what + ": the exchange gave no candles for that period.", null);
                return;
            }
            // The replay stops at its next progress report (every 16,384 candles) when the bot stops.
            BacktestResult result = new Backtest(config.withOnly(symbols), candles).run(n -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("the bot is stopping");
                }
            });
            BacktestReport r = BacktestReport.of(result);
            runs.incrementAndGet();
            raise(summary(what, r, (System.nanoTime() - started) / 1_000_000), equity(result, days));
        } catch (ExchangeException e) {
            failures.incrementAndGet();
            raise("Backtest of " + what + " failed: the history could not be fetched (" + e.getMessage() + ").",
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.CancellationException e) {
            LOG.info("backtest from the chat stopped: {}", e.getMessage());
        } catch (Exception e) {
            failures.incrementAndGet();
            LOG.error("backtest from the chat failed", e);
            raise("Backtest of " + what + " failed: " + e + " (see the log).", null);
        }
    }

    /**
     * @return the closed candles of {@code s} from {@code from} to {@code now}, oldest first: the exchange's history
     *         at once where it gives that much, else page by page from {@code from}
     */
    private List<Candle> history(Symbol s, Instant from, Instant now) throws ExchangeException, InterruptedException {
        Duration tf = config.timeframe();
        int wanted = (int) (Duration.between(from, now).toMillis() / tf.toMillis());
        List<Candle> recent = market.history(s, tf, wanted);
        if (recent.size() >= wanted || recent.isEmpty()) {
            return recent;
        }
        List<Candle> all = new ArrayList<>();
        Instant since = from;
        while (since.isBefore(now)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping");
            }
            Optional<List<Candle>> page = market.closedCandlesSince(s, tf, since);
            if (page.isEmpty() || page.get().isEmpty()) {
                break;
            }
            List<Candle> got = page.get();
            all.addAll(got);
            Instant next = got.get(got.size() - 1).start().plus(tf);
            if (!next.isAfter(since)) {
                break;
            }
            since = next;
        }
        return all.size() > recent.size() ? all : recent;
    }

    private String summary(String what, BacktestReport r, long ms) {
        String quote = config.quoteCurrency();
        int trades = r.stats().trades();
        StringBuilder t = new StringBuilder("Backtest of ").append(what).append(" (")
                .append(r.from() == null ? "" : WHEN.format(r.from()) + " to " + WHEN.format(r.to()) + " UTC")
                .append("): ").append(Money.count(trades, "trade", "trades"));
        if (trades > 0) {
            t.append(", won ").append(r.stats().wins()).append(", lost ").append(r.stats().losses())
                    .append(" (win rate ").append(r.stats().winRatePct().toPlainString()).append(" %)");
        }
        t.append("; net ").append(Money.signedDown(r.netProfit())).append(' ').append(quote).append(" (")
                .append(signed(r.netProfitPct())).append(" %) from ").append(Money.quote(r.startBalance()))
                .append("; max drawdown ").append(r.maxDrawdownPct().toPlainString()).append(" %; buy and hold ")
                .append(signed(r.buyAndHoldPct())).append(" %. ")
                .append(String.format(Locale.ROOT, "%,d candles in %.1f s.", r.candles(), ms / 1000.0));
        return t.toString();
    }

    private static String signed(BigDecimal pct) {
        return (pct.signum() >= 0 ? "+" : "") + pct.toPlainString();
    }

    /** @return the equity curve as {@code data.equity}, thinned to {@link #MAX_POINTS} points */
    private ObjectNode equity(BacktestResult result, int days) {
        ObjectNode data = Money.object();
        ObjectNode equity = data.putObject("equity");
        equity.put("title", "Backtest equity, " + days + (days == 1 ? " day" : " days"));
        equity.put("quote", config.quoteCurrency());
        ArrayNode points = equity.putArray("points");
        List<EquityPoint> all = result.equity().points();
        int step = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < all.size(); i += step) {
            add(points, all.get(i));
        }
        if (!all.isEmpty() && (all.size() - 1) % step != 0) {
            add(points, all.get(all.size() - 1));
        }
        return data;
    }

    private static void add(ArrayNode points, EquityPoint p) {
        ArrayNode point = points.addArray();
        point.add(p.time().toEpochMilli());
        point.add(Money.exact(p.equity()));
    }

    private void raise(String text, ObjectNode data) {
        alerts.raise(new Alert(AlertKind.BACKTEST_FINISHED, text, null, data));
    }

    /** @return backtests from the chat finished since the start */
    public long runs() {
        return runs.get();
    }

    /** @return backtests from the chat that failed since the start */
    public long failures() {
        return failures.get();
    }

    /**
     * Stops a backtest that runs (between two pages of history, or at the replay's next progress report) and its
     * thread.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the chat-backtest thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
