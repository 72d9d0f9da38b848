package com.byninja.bot.engine;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.StakeSizing;
import com.byninja.bot.strategy.PluginStrategy;
import com.byninja.bot.strategy.Signal;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.Strategy;

/**
 * The strategy on closed candles: each symbol's candles and the ta4j strategy reading them, one progress line per
 * symbol and candle, and the signal acted on where the switches, the protections' locks and the risk rules allow. What
 * it does with each candle, and the history it read, goes to the decision journal ({@link Decisions}): one write per
 * symbol and closed candle, on this thread, as the orders' are. Owned by the trading thread.
 */
final class StrategyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    /**
     * One symbol's candles and what decides on them: a built-in strategy's ta4j rules, or a plug-in's strategy; neither
     * for a symbol kept only for its position.
     *
     * @param runs the strategy the symbol runs, which explains its candles
     */
    private record Market(CandleSeries candles, TradingStrategy runs, Strategy strategy, PluginDecider plugin) {

        boolean decides() {
            return strategy != null || plugin != null;
        }
    }

    private final TradingContext ctx;
    private final OrderDesk desk;
    private final EntryLocks locks;
    private final Map<Symbol, Market> markets = new LinkedHashMap<>();
    /** A plug-in strategy's failures, by its name: each symbol may run its own. */
    private final Map<String, StrategyErrors> errors = new LinkedHashMap<>();
    private long candles;
    private long signals;

    StrategyRunner(TradingContext ctx, OrderDesk desk, EntryLocks locks) {
        this.ctx = ctx;
        this.desk = desk;
        this.locks = locks;
        int maxBars = ctx.config.marketData().maxBars();
        for (Symbol s : ctx.config.symbols()) {
            CandleSeries series = new CandleSeries(s, maxBars);
            TradingStrategy runs = ctx.strategyFor(s);
            markets.put(s, runs instanceof PluginStrategy plugin
                    ? new Market(series, runs, null, new PluginDecider(ctx, plugin, s, series.series(),
                            errors.computeIfAbsent(plugin.name(), StrategyErrors::new)))
                    : new Market(series, runs, runs.build(series.series()), null));
        }
        for (Symbol s : ctx.unconfigured) {
            markets.put(s, new Market(new CandleSeries(s, maxBars), null, null, null));
        }
    }

    /**
     * Builds each symbol's built-in strategy again, from the settings the context has now ({@code /reload}), on the
     * candles held: the next candle is decided with them. A plug-in's strategy is left as it runs.
     */
    void rebuildStrategies() {
        markets.replaceAll((s, m) -> {
            if (m.strategy() == null) {
                return m;
            }
            TradingStrategy runs = ctx.strategyFor(s);
            LOG.info("{}: the strategy is now {} ({})", s, runs.name(), runs.description());
            return new Market(m.candles(), runs, runs.build(m.candles().series()), null);
        });
    }

    /** Adds history without trading on it, and says where the strategy stands. */
    void onHistory(Symbol symbol, List<Candle> history) {
        Market m = markets.get(symbol);
        if (m == null) {
            return;
        }
        int added = m.candles().addAll(history);
        if (m.decides()) {
            ctx.decisions.history(symbol, history);
            LOG.info("{}: {} candles of history; {}; it decides again when the next {} candle closes", symbol, added,
                    explain(m, history.isEmpty() ? null : history.get(history.size() - 1).close()),
                    Durations.format(ctx.config.timeframe()));
        }
    }

    /** A candle closed: ask the strategy, and act on its signal where the switches and the risk rules allow. */
    void onCandle(Candle candle) {
        Market m = markets.get(candle.symbol());
        if (m == null || !m.candles().add(candle) || !m.decides()) {
            return;
        }
        candles++;
        Signal signal = m.plugin() == null ? TradingStrategy.signalAt(m.strategy(), m.candles().series())
                : m.plugin().decide(candle.close());
        Symbol s = candle.symbol();
        // One line per symbol and candle, so that a person watching the log sees the bot work while it waits. Guarded:
        // explaining the strategy costs more than deciding, and a backtest runs with it off.
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} candle closed at {}: {}; {}", s, Durations.format(ctx.config.timeframe()),
                    Money.price(candle.close()), explain(m, candle.close()), holding(s));
        }
        if (signal == Signal.HOLD) {
            ctx.decisions.decided(candle, Action.HOLD);
            return;
        }
        signals++;
        if (!ctx.control.allows(s, Flag.TRADING)) {
            LOG.info("{} {} signal ignored: trading is stopped", s, signal);
            ctx.decisions.ignored(candle, signal == Signal.BUY ? Action.BUY_IGNORED : Action.SELL_IGNORED,
                    RejectReason.RISK_TRADING_STOPPED);
            return;
        }
        if (signal == Signal.BUY) {
            buy(s, candle);
        } else {
            sell(s, candle);
        }
    }

    private void buy(Symbol s, Candle candle) {
        if (!ctx.control.allows(s, Flag.BUY)) {
            LOG.info("{} buy signal ignored: buying is disabled", s);
            ctx.decisions.ignored(candle, Action.BUY_IGNORED, RejectReason.RISK_BUY_DISABLED);
            return;
        }
        if (desk.holdsOrWaits(s)) {
            LOG.debug("{} buy signal: position already open or entry waiting", s);
            ctx.decisions.ignored(candle, Action.BUY_IGNORED, RejectReason.RISK_POSITION_ALREADY_OPEN);
            return;
        }
        EntryLock lock = locks.blocking(s);
        if (lock != null) {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} buy signal ignored: {}", s, lock.describe(ctx.clock.instant()));
            }
            ctx.decisions.ignored(candle, Action.BUY_IGNORED, lock.kind().reason());
            return;
        }
        StakeSizing.Stake stake = desk.stake(s, null);
        Optional<Rejection> refused = ctx.riskFor(s).checkBuy(desk.buyCheck(s, stake.amount(), false));
        if (refused.isPresent()) {
            Rejection r = refused.get();
            LOG.info("{} buy signal at {} refused: {}", s, Money.exact(candle.close()), r);
            if (r.reason() == RejectReason.RISK_INSUFFICIENT_BALANCE) {
                ctx.alerts.buyRefused(s, r, ctx.clock.instant());
            }
            ctx.decisions.ignored(candle, Action.BUY_IGNORED, r.reason());
            return;
        }
        if (stake.cut() != null) {
            LOG.info("{} buy signal: stake {}", s, stake.cut());
        }
        acted(candle, Action.ENTRY, Action.BUY_IGNORED, desk.submit(s, Purpose.ENTRY, stake.amount()));
    }

    private void sell(Symbol s, Candle candle) {
        if (ctx.positions.get(s).isEmpty()) {
            ctx.decisions.ignored(candle, Action.SELL_IGNORED, RejectReason.ORDER_NO_POSITION);
            return;
        }
        if (!ctx.control.allows(s, Flag.SELL)) {
            LOG.info("{} exit signal ignored: selling is disabled", s);
            ctx.decisions.ignored(candle, Action.SELL_IGNORED, RejectReason.RISK_SELL_DISABLED);
            return;
        }
        acted(candle, Action.EXIT, Action.SELL_IGNORED, desk.sell(s, Purpose.EXIT));
    }

    /** Records an order sent as {@code sent}, one the desk refused as {@code refused} with its reason. */
    private void acted(Candle candle, Action sent, Action refused, Submission submission) {
        if (submission instanceof Submission.Refused r) {
            ctx.decisions.ignored(candle, refused, r.rejection().reason());
        } else {
            ctx.decisions.decided(candle, sent);
        }
    }

    /** @return {@code "no position"}, or the position and what selling it now would earn, for progress lines. */
    private String holding(Symbol s) {
        Optional<Position> p = ctx.positions.get(s);
        if (p.isEmpty()) {
            return ctx.orders.inFlight(s).isPresent() ? "an order is waiting for the exchange" : "no position";
        }
        String line = "holding " + Money.exact(p.get().quantity()) + " " + s.base();
        Optional<Mark> m = ctx.mark(p.get());
        return m.isEmpty() ? line
                : line + ", unrealised " + Money.signedDown(m.get().unrealisedPnl()) + " " + s.quote();
    }

    /** @return what the strategy sees on the last candle, whose close is {@code close} (null if none is held) */
    private String explain(Market m, BigDecimal close) {
        return m.plugin() == null || close == null ? m.runs().explain(m.candles().series())
                : m.plugin().explain(close);
    }

    /** @return a plug-in strategy's failures since start, each a hold; 0 for a built-in strategy */
    long strategyErrors() {
        long sum = 0;
        for (StrategyErrors e : errors.values()) {
            sum += e.count();
        }
        return sum;
    }

    /** @return the last {@code n} candles held for {@code s}, oldest first; none for a symbol not managed */
    List<Candle> candles(Symbol s, int n) {
        Market m = markets.get(s);
        return m == null ? List.of() : m.candles().last(n);
    }

    /** @return the strategy {@code s} runs, null for a symbol kept only for its position */
    TradingStrategy strategyOf(Symbol s) {
        Market m = markets.get(s);
        return m == null ? null : m.runs();
    }

    /** @return candles held for {@code s}. */
    int barCount(Symbol s) {
        Market m = markets.get(s);
        return m == null ? 0 : m.candles().size();
    }

    /** @return every symbol the bot manages: the configured ones, then those kept only for their position. */
    List<Symbol> symbols() {
        return new ArrayList<>(markets.keySet());
    }

    /** @return candles the strategy has read since start. */
    long candlesRead() {
        return candles;
    }

    /** @return buy or sell signals since start. */
    long signals() {
        return signals;
    }
}
