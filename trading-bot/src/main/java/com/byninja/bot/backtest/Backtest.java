package com.byninja.bot.backtest;

import com.byninja.charts.PricePath;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.MarketEvent;
import com.byninja.bot.engine.StepClock;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.paper.MemoryLedger;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.replay.CollectedAlerts;
import com.byninja.bot.replay.HistoryPrices;
import com.byninja.bot.replay.InMemoryJournal;
import com.byninja.bot.replay.ReplayGateway;
import com.byninja.bot.replay.SimulatedClock;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.BuiltInPlugins;
import com.byninja.bot.strategy.Strategies;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A backtest: history replayed through the trader that trades live, on a simulated clock, with the in-memory journal
 * and the paper wallet in memory. The replay rules (docs/backtesting.md):
 * <ol>
 *   <li>The strategy sees only closed candles: it decides at a candle's close, on that candle and those before.</li>
 *   <li>Its orders fill at the next candle's open, with the configured slippage against the trader and the fee.</li>
 *   <li>Within each candle the price goes open, low, high, close: the pessimistic order, so that when a candle
 *       touches both the stop and the take-profit, the stop is taken. A stop-loss or trailing stop touched by the low
 *       sells at its level; a take-profit touched by the high sells at its level; a price that opened beyond a
 *       level (a gap) sells at the open.</li>
 *   <li>The minimal ROI is a level the high touches, like the take-profit; the level is the one for the position's
 *       age at the instant the replay takes the high (the open plus 2 ms). A level that starts later inside the
 *       candle applies from its close, against the close price. A trailing stop with an offset follows the high
 *       once the high has reached the offset: from that candle's close.</li>
 *   <li>Balances, the fee kept aside for a buy, the stake mode, the budget and every risk limit apply as live,
 *       because the same code applies them.</li>
 *   <li>Client order ids are seeded and no wall clock is read: the same input gives the same orders and trades.</li>
 * </ol>
 */
public final class Backtest {

    /** A backtest stops at the first failure: a failure in the replayed code is a bug to see, not to skip. */
    private static final Trader.StepFailures FAIL = (what, e) -> {
        throw e;
    };

    /** Decimal places of the wallet's worth: finer than any quote currency's smallest unit. */
    static final int EQUITY_SCALE = 8;

    private final BotConfig config;
    private final Map<Symbol, List<Candle>> candles;
    /** The configured strategy; it holds no state of its own, so the run builds its symbols' rules from it. */
    private final TradingStrategy strategy;
    /**
     * Whether any protective exit is configured, or the strategy is a plug-in, which may set a stop of its own: without
     * one, nothing inside a candle can change a decision.
     */
    private final boolean exits;

    /**
     * @param config  the bot's configuration: symbols, timeframe, strategy, risk, simulator fee, slippage and balance
     * @param candles per configured symbol, closed candles of the configured timeframe in time order
     */
    public Backtest(BotConfig config, Map<Symbol, List<Candle>> candles) {
        // Protective exits are checked at every point of the price path, not once a second.
        this.config = config.withCheckIntervalMs(0).withoutStopsOnExchange();
        this.candles = Map.copyOf(candles);
        this.strategy = Strategies.create(config.strategy());
        boolean exits = false;
        for (Symbol s : config.symbols()) {
            BotConfig.RiskSettings r = config.riskFor(s);
            exits |= r.stopLossPct().signum() > 0 || r.takeProfitPct().signum() > 0
                    || r.trailingStopPct().signum() > 0 || !r.minimalRoi().isOff()
                    || !(config.strategyFor(s).plugin() instanceof BuiltInPlugins.BuiltIn);
        }
        this.exits = exits;
    }

    /**
     * Runs the backtest.
     *
     * @param progress told the number of candles done, now and then
     * @return what happened
     */
    public BacktestResult run(LongConsumer progress) throws SQLException, ExchangeException {
        long started = System.nanoTime();
        Slots slots = new Slots(config.symbols(), candles);
        Run run = new Run(slots);
        long done = 0;
        List<Candle> now;
        while (!(now = slots.next()).isEmpty()) {
            run.period(now);
            done += now.size();
            if ((done & 0x3fff) < now.size()) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return new BacktestResult(config, candles, run.journal.trades(), run.journal.orders(),
                run.journal.feesPaid(null, null), run.equity.finish(), Map.copyOf(run.paths), run.startBalance,
                run.equity.last(), slots.count(), run.exposed, System.nanoTime() - started);
    }

    /**
     * One run's parts and state. Each candle period is one call of {@link #period}, a method the JIT compiles
     * early and whole, rather than the body of one long loop that only on-stack replacement could compile.
     */
    private final class Run {

        private final SimulatedClock clock;
        private final HistoryPrices prices = new HistoryPrices();
        private final PaperExecution execution;
        private final ReplayGateway gateway;
        private final InMemoryJournal journal = InMemoryJournal.keepingNoAlertTexts();
        private final Trader trader;
        private final BigDecimal startBalance;
        private final EquityCurve equity;
        private final Map<Symbol, BigDecimal> lastClose = new LinkedHashMap<>();
        private final List<MarketEvent> closed = new ArrayList<>(config.symbols().size());
        /** Per symbol, what the price chart draws, gathered here rather than in a second pass over the candles. */
        private final Map<Symbol, PricePath> paths = new LinkedHashMap<>();
        private Map<String, BigDecimal> balances;
        private boolean coins;
        private BigDecimal worth;
        private long fills;
        private long exposed;
        private long day = Long.MIN_VALUE;

        Run(Slots slots) throws SQLException, ExchangeException {
            clock = new SimulatedClock(slots.first());
            StepClock time = new StepClock(clock);
            execution = new PaperExecution(new PaperWallet(config.simulator(), config.quoteCurrency(),
                    new MemoryLedger(), clock, "BT"), prices, Map.of(), clock);
            gateway = new ReplayGateway(execution);
            trader = Trader.restore(config, time, strategy,
                    new RiskManager(config.risk(), config.quoteCurrency(), execution.feePct(), Map.of()),
                    // Resting limit orders are asked about at every step: at each point of the price path.
                    new OrderManager(journal, gateway, new ClientOrderIds(time, "bt"), time, 0, 0),
                    Journals.of(journal),
                    CollectedAlerts.counted(), prices, execution.balances(), () -> false, "backtest");
            trader.stopPublishing();
            balances = execution.balances();
            coins = holdsCoins(balances);
            fills = gateway.executed();
            startBalance = equity(balances, Map.of());
            equity = new EquityCurve(startBalance, slots.count());
            for (Symbol s : config.symbols()) {
                paths.put(s, new PricePath(candles.getOrDefault(s, List.of()).size(), s.quote()));
            }
        }

        /** Replays one candle period: {@code now} holds each symbol's candle of it. */
        void period(List<Candle> now) {
            Instant open = now.get(0).start();
            boolean guarded = guarded(trader, now) || resting(trader);
            long today = Math.floorDiv(open.getEpochSecond(), 86_400L);
            // A step at the open when something can happen there: orders of the last close fill, a stop the open
            // gapped through sells, or a new UTC day starts (the live bot rolls its day over within a second).
            if (gateway.hasWaiting() || guarded || today != day) {
                clock.set(open);
                for (int i = 0; i < now.size(); i++) {
                    Candle c = now.get(i);
                    prices.quote(c.symbol(), c.open(), open);
                }
                gateway.fillWaiting();
                settle(trader, gateway, open);
                guarded = guarded(trader, now) || resting(trader);
                day = today;
            }
            boolean holding = !trader.positions().all().isEmpty();
            // Within the candle only a position's protective exits, and limit orders resting, can happen; without them,
            // nothing is to decide.
            if (guarded) {
                inside(now, open.plusMillis(1), true);
                inside(now, open.plusMillis(2), false);
            }
            Instant close = open.plus(now.get(0).period());
            clock.set(close);
            closed.clear();
            for (int i = 0; i < now.size(); i++) {
                Candle c = now.get(i);
                paths.get(c.symbol()).add(c.start(), c.period().toMillis(), c.close(), c.low(), c.high());
                prices.quote(c.symbol(), c.close(), close);
                lastClose.put(c.symbol(), c.close());
                closed.add(new MarketEvent.Closed(c));
            }
            // The strategy decides on the closed candle; its orders wait for the next open.
            trader.step(close, new Trader.StepInputs(gateway.drain(), closed, List.of()), FAIL);
            exposed += holding ? 1 : 0;
            if (gateway.executed() != fills) {
                fills = gateway.executed();
                balances = execution.balances();
                coins = holdsCoins(balances);
                worth = null;
            }
            // Only coins move with the price: with cash alone the worth stays what it was until the next fill.
            if (worth == null || coins) {
                worth = equity(balances, lastClose);
            }
            equity.add(close, worth);
        }

        /** The price at the candle's low ({@code low}) or high, or the level of the exit it touched there. */
        private void inside(List<Candle> now, Instant at, boolean low) {
            clock.set(at);
            for (int i = 0; i < now.size(); i++) {
                Candle c = now.get(i);
                Optional<RiskManager.Protection> levels = trader.protection(c.symbol());
                prices.quote(c.symbol(), low ? lowPoint(levels, c) : highPoint(levels, c), at);
            }
            settle(trader, gateway, at);
        }
    }

    /** @return whether a limit order rests, to be matched against the candles' lows and highs */
    private static boolean resting(Trader trader) {
        return !trader.orders().resting().isEmpty();
    }

    /** Steps at {@code now}, and fills at once what that step sold, until nothing waits. */
    private static void settle(Trader trader, ReplayGateway gateway, Instant now) {
        trader.step(now, new Trader.StepInputs(gateway.drain(), List.of(), List.of()), FAIL);
        for (int round = 0; gateway.hasWaiting() && round < 8; round++) {
            gateway.fillWaiting();
            trader.step(now, new Trader.StepInputs(gateway.drain(), List.of(), List.of()), FAIL);
        }
    }

    /**
     * @return whether a position of a symbol of {@code now} has a protective exit: a stop-loss, take-profit, minimal
     *         ROI or trailing stop is configured
     */
    private boolean guarded(Trader trader, List<Candle> now) {
        if (!exits || trader.positions().all().isEmpty()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (trader.positions().all().containsKey(now.get(i).symbol())) {
                return true;
            }
        }
        return false;
    }

    /** @return the low of {@code c}, or the stop level it touched, where the stop sells. */
    private static BigDecimal lowPoint(Optional<RiskManager.Protection> levels, Candle c) {
        Optional<BigDecimal> stop = levels.flatMap(p -> max(p.stopLoss(), p.trailingStop()));
        return stop.filter(level -> c.low().compareTo(level) <= 0 && c.open().compareTo(level) > 0)
                .orElse(c.low());
    }

    /**
     * @return the high of {@code c}, or the lower of the take-profit and the minimal ROI's price (at the position's
     *         age at this instant) when it touched it, where that exit sells
     */
    private static BigDecimal highPoint(Optional<RiskManager.Protection> levels, Candle c) {
        Optional<BigDecimal> target = levels.flatMap(p -> min(p.takeProfit(),
                p.minimalRoi().map(RiskManager.RoiLevel::price)));
        return target.filter(level -> c.high().compareTo(level) >= 0 && c.open().compareTo(level) < 0)
                .orElse(c.high());
    }

    private static Optional<BigDecimal> min(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(a.get().min(b.get()));
    }

    private static Optional<BigDecimal> max(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(a.get().max(b.get()));
    }

    /** @return whether the wallet holds any of a configured symbol's base currency, dust included */
    private boolean holdsCoins(Map<String, BigDecimal> balances) {
        for (Symbol s : config.symbols()) {
            if (balances.getOrDefault(s.base(), BigDecimal.ZERO).signum() != 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the wallet's worth in the quote currency, each coin at its symbol's last close. */
    private BigDecimal equity(Map<String, BigDecimal> balances, Map<Symbol, BigDecimal> closes) {
        BigDecimal total = balances.getOrDefault(config.quoteCurrency(), BigDecimal.ZERO);
        for (Map.Entry<Symbol, BigDecimal> e : closes.entrySet()) {
            BigDecimal held = balances.getOrDefault(e.getKey().base(), BigDecimal.ZERO);
            if (held.signum() != 0) {
                total = total.add(held.multiply(e.getValue()));
            }
        }
        // A valuation, not money moved: to EQUITY_SCALE places, rounded down, so that the curve's sums and comparisons
        // stay on small numbers and no worth is shown that selling would not give.
        return total.setScale(EQUITY_SCALE, RoundingMode.FLOOR);
    }
}
