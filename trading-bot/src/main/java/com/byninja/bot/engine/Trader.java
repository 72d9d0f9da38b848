package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.control.ControlState;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.engine.port.EquityJournal;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.engine.port.PositionJournal;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.protections.Protections;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The trading decisions. Each part owns one idea: the {@link StrategyRunner} acts on closed candles, the
 * {@link ProtectiveExits} on prices, the {@link ManualCommands} on a person's orders, the {@link OrderDesk} turns
 * decisions into orders within the limits, and {@link Fills} keeps the books; {@link Restore} rebuilds their state
 * from the journals. Not thread-safe: one thread, the trading thread or a replay's, calls it, which is what makes it
 * free of locks.
 *
 * <p><b>The step.</b> {@link #step} makes every decision for one instant: it applies the order results, then the
 * market events, then the commands of that instant, and runs the periodic checks when they are due, in that order.
 * Inside a step every reading of the time is its {@code now} ({@link StepClock}); nothing waits on a queue, sleeps,
 * starts a thread or reads the wall clock. The live {@link TradingEngine} calls it from the trading thread with the
 * system clock's instant; a replay calls it from history with a simulated clock, and the same inputs at the same
 * instants give the same orders and trades.
 *
 * <p>Rules a trader relies on:
 * <ul>
 *   <li>An entry counts toward {@code risk.maxOpenPositions} and one-position-per-symbol from the moment its order is
 *       created, not only once it fills.</li>
 *   <li>A fill is recorded (order, position, trade and its alerts in one transaction, each order at most once)
 *       before the book changes. If the write fails, the symbol is paused (no order, no stop), the owner is told
 *       once, and the write is tried again until it succeeds.</li>
 *   <li>Protective exits (stop-loss, take-profit, minimal ROI, trailing stop) protect positions whatever the trading
 *       and sell switches say; those switches govern the strategy. Only {@code risk.protectiveExits: false} turns them
 *       off.</li>
 *   <li>Every buy, forced or not, fits {@code risk.budget}: the entries on their way count toward it.</li>
 *   <li>A sell never asks for more than the account holds: within {@value OrderDesk#SELL_BALANCE_TOLERANCE_PCT} %
 *       the position is matched to the free balance first (a fee taken in the coin, not yet known).</li>
 * </ul>
 */
public final class Trader {

    /** Last prices, as the market monitors see them. */
    @FunctionalInterface
    public interface PriceSource {
        Optional<Ticker> last(Symbol symbol);
    }

    /** The inputs of one instant, each list in the order it arrived. */
    public record StepInputs(List<GatewayResult> orderResults, List<MarketEvent> marketEvents,
                             List<Runnable> commands) {
        public StepInputs {
            orderResults = List.copyOf(orderResults);
            marketEvents = List.copyOf(marketEvents);
            commands = List.copyOf(commands);
        }
    }

    /** Told of an input whose handling failed; the step goes on with the next one. */
    @FunctionalInterface
    public interface StepFailures {
        void failed(String what, RuntimeException e);
    }

    private final TradingContext ctx;
    private final StepClock time;
    private final Duration checkInterval;
    private final Fills fills;
    private final OrderDesk desk;
    private final StrategyRunner strategy;
    private final ProtectiveExits protective;
    private final ManualCommands commands;
    private final EntryLocks locks;
    private final EquitySamples equity;
    private final Panic panic;
    private final ExchangeStops exchangeStops;
    private final LimitOrders limits;
    private Instant nextCheck = Instant.MIN;
    private boolean publishing = true;
    private volatile TraderSnapshot latest;

    private Trader(TradingContext ctx, EntryLocks locks, StepClock time) {
        this.ctx = ctx;
        this.time = time;
        this.checkInterval = Duration.ofMillis(ctx.config.engine().checkIntervalMs());
        this.locks = locks;
        ExitRetries exits = new ExitRetries();
        this.panic = new Panic(ctx);
        this.limits = new LimitOrders(ctx);
        this.exchangeStops = new ExchangeStops(ctx, panic, limits);
        this.fills = new Fills(ctx, exits, locks, panic, exchangeStops);
        this.desk = new OrderDesk(ctx, fills, exchangeStops, limits);
        exchangeStops.wire(fills, desk);
        limits.replaceThrough(desk);
        this.strategy = new StrategyRunner(ctx, desk, locks);
        this.protective = new ProtectiveExits(ctx, desk, fills, exits, exchangeStops);
        this.commands = new ManualCommands(ctx, desk);
        this.equity = new EquitySamples(ctx, desk);
        this.latest = snapshot();
    }

    /**
     * Restores positions, switches, today's PnL and the protections' locks from the journals and takes over
     * unfinished orders.
     *
     * @param clock        the bot's time; the order manager should read the same {@link StepClock}
     * @param exchangeName the exchange's name for messages, such as {@code binance}
     * @throws SQLException when the journals cannot be read
     */
    public static Trader restore(BotConfig config, Clock clock, TradingStrategy strategy, RiskManager risk,
                                 OrderManager orders, Journals journals, AlertSink alerts, PriceSource prices,
                                 Map<String, BigDecimal> balances, BooleanSupplier exchangeDown, String exchangeName)
            throws SQLException {
        StepClock time = StepClock.over(clock);
        TradingContext ctx = Restore.from(config, time, strategy, risk, orders, journals, alerts, prices, balances,
                exchangeDown, exchangeName);
        return new Trader(ctx, EntryLocks.restore(ctx), time);
    }

    // ---- the step -----------------------------------------------------------------------------------------

    /**
     * Makes every decision for the instant {@code now}: order results, then market events, then commands, then the
     * periodic checks if {@code engine.checkIntervalMs} has passed since the last ones. A failing input is handed to
     * {@code failures} and the step goes on. Publishes a new {@link #latest() snapshot} at the end.
     */
    public void step(Instant now, StepInputs inputs, StepFailures failures) {
        time.freeze(now);
        // Each input in a try of its own rather than one helper taking a lambda: a call site that sees one kind of
        // work stays inlined, where a shared one saw four and was recompiled each time a new kind came.
        try {
            // Indexed: the inputs are random-access lists, mostly empty, and an iterator each would be garbage.
            List<GatewayResult> results = inputs.orderResults();
            for (int i = 0; i < results.size(); i++) {
                try {
                    onResult(results.get(i));
                } catch (RuntimeException e) {
                    failures.failed("order result", e);
                }
            }
            List<MarketEvent> events = inputs.marketEvents();
            for (int i = 0; i < events.size(); i++) {
                try {
                    onMarket(events.get(i));
                } catch (RuntimeException e) {
                    failures.failed("market event", e);
                }
            }
            List<Runnable> commands = inputs.commands();
            for (int i = 0; i < commands.size(); i++) {
                try {
                    commands.get(i).run();
                } catch (RuntimeException e) {
                    failures.failed("command", e);
                }
            }
            if (!now.isBefore(nextCheck)) {
                try {
                    periodicChecks();
                } catch (RuntimeException e) {
                    failures.failed("periodic checks", e);
                }
                nextCheck = now.plus(checkInterval);
            }
            if (publishing) {
                latest = snapshot();
            }
        } finally {
            time.thaw();
        }
    }

    /**
     * Applies order results only, at {@code now}: no market events, commands or checks, so no new order. For the
     * exchange's last answers while the bot stops, once nothing can send an order any more.
     */
    public void settle(Instant now, List<GatewayResult> results, StepFailures failures) {
        time.freeze(now);
        try {
            for (GatewayResult r : results) {
                try {
                    onResult(r);
                } catch (RuntimeException e) {
                    failures.failed("order result", e);
                }
            }
            latest = snapshot();
        } finally {
            time.thaw();
        }
    }

    /** @return the trader's time: the step's instant during a step, the source clock between steps. */
    public Clock clock() {
        return time;
    }

    /** @return when the next step runs the periodic checks. */
    public Instant nextCheck() {
        return nextCheck;
    }

    private void onMarket(MarketEvent event) {
        if (event instanceof MarketEvent.History h) {
            onHistory(h.symbol(), h.candles());
        } else if (event instanceof MarketEvent.Closed c) {
            onCandle(c.candle());
        }
    }

    /** Adds history without trading on it, and says where the strategy stands. */
    public void onHistory(Symbol symbol, List<Candle> history) {
        strategy.onHistory(symbol, history);
    }

    /** A candle closed: ask the strategy, and act on its signal where the switches and the risk rules allow. */
    public void onCandle(Candle candle) {
        strategy.onCandle(candle);
    }

    /** Applies a result from the order executor. */
    public void onResult(GatewayResult result) {
        fills.onResult(result);
    }

    /**
     * Rolls the day over (and forgets decisions older than {@code store.decisionRetentionDays} on a new day), ends the
     * protections' locks whose time is up, retries fills the store could not record, asks the exchange about orders
     * whose outcome or fees are unknown, checks stop-loss, take-profit, the minimal ROI and the trailing stop
     * against the last prices, places, moves and asks about the stops resting on the exchange, and writes the equity
     * when its time has come ({@code store.equitySampleMinutes}).
     */
    public void periodicChecks() {
        ctx.day.rollOver();
        ctx.decisions.onNewDay();
        locks.expire();
        fills.retryUnrecorded();
        protective.check();
        limits.check();
        exchangeStops.sync();
        ctx.orders.lookUpDue();
        equity.sampleIfDue();
    }

    // ---- commands -------------------------------------------------------------------------------------------

    /**
     * A {@code forcebuy}: a person's order, so neither the strategy nor the trading and buy switches nor the soft
     * limits (open positions, one per symbol, daily loss) nor the protections' locks stop it; the hard limits do
     * (balance, maximum stake, minimum size, budget). On a symbol with a position it adds to it.
     *
     * @param amount the quote amount, or null for the stake of {@code risk.stakeMode}; cut to what is left of
     *               {@code risk.budget} (the submission says so), or refused when that is below the minimum order
     */
    public Submission forceBuy(Symbol s, BigDecimal amount) {
        return commands.forceBuy(s, amount);
    }

    /** A {@code forcesell}: a person's order, closing the whole position at market whatever the switches say. */
    public Submission forceSell(Symbol s) {
        return commands.forceSell(s);
    }

    /**
     * A {@code breakeven}: raises the stop-loss of the position in {@code s} to its break-even price, fees included,
     * saved before it counts and kept until the position closes; never lowers a stop.
     *
     * @throws SQLException when it could not be saved; nothing changed then
     */
    public StopMove stopToBreakEven(Symbol s) throws SQLException {
        return commands.stopToBreakEven(s);
    }

    /**
     * Sets a switch, persisted before this returns.
     *
     * @param symbol the symbol, or null for the global switch
     * @throws SQLException when it could not be saved; the switch is then unchanged
     */
    public void setFlag(Symbol symbol, Flag flag, boolean value) throws SQLException {
        commands.setFlag(symbol, flag, value);
    }

    /**
     * A {@code /panic}: stops trading globally (persisted; when the store fails, stopped anyway until a restart) and
     * sells every open position at market as a {@code forcesell} does, waiting for a sell already on its way rather
     * than sending a second; protective exits act as before. When every sell has filled or failed, one alert sums it
     * up. While one runs, another does nothing and says so.
     *
     * @return what it did at once, or that one runs already
     */
    public PanicStart panic() {
        return panic.start(desk, commands);
    }

    /**
     * A {@code /cancel}: cancels the limit buy resting on the exchange for {@code s}; what filled of it is kept as the
     * position.
     *
     * @return the order whose cancel is on its way, empty when no limit buy rests for {@code s}
     */
    public Optional<com.byninja.bot.domain.Order> cancelEntry(Symbol s) {
        return limits.cancelEntry(s);
    }

    /** @return whether a {@code /panic} waits for its sells */
    public boolean panicRunning() {
        return panic.running();
    }

    /**
     * A {@code /pause}: the strategy buys nothing on {@code symbol} (every symbol when null) for {@code duration}, then
     * buying resumes by itself; kept across restarts. Exits, stops and {@code forcebuy} go on. A second pause of the
     * same scope replaces the first, shorter or longer.
     *
     * @param symbol the symbol, or null for every symbol
     * @return the pause now in force, and the one it replaced
     * @throws SQLException when it could not be saved; nothing changed then
     */
    public Paused pause(Symbol symbol, Duration duration) throws SQLException {
        Instant now = time.instant();
        return locks.pause(symbol, now.plus(duration), "paused by /pause at " + EntryLock.time(now, now));
    }

    /**
     * A pause in force, and the one it replaced.
     *
     * @param pause    the pause
     * @param replaced the pause of the same scope it replaced, if there was one
     */
    public record Paused(EntryLock pause, Optional<EntryLock> replaced) {
    }

    /**
     * Ends the pause of exactly this scope before its time: {@code enablebuy} does.
     *
     * @param symbol the symbol, or null for the pause of every symbol
     * @return the pause ended, empty when there was none
     * @throws SQLException when its end could not be saved; it goes on then
     */
    public Optional<EntryLock> endPause(Symbol symbol) throws SQLException {
        return locks.endPause(symbol);
    }

    /** @return the pauses in force now, by end */
    public List<EntryLock> pauses() {
        return locks.now().stream().filter(l -> l.kind() == EntryLock.Kind.PAUSE).toList();
    }

    /**
     * Runs with the configuration read again by {@code /reload} from now on: the risk rules, the protections' rules
     * and the built-in strategies' parameters that {@code changes} takes at once ({@link ConfigChanges}). What needs a
     * restart is the same in {@link ConfigChanges#next()} as before. Called on the trading thread between two
     * decisions, as a command is.
     *
     * @throws SQLException when the protections' rules changed and the trades closed within their windows cannot be
     *                      read; nothing changed then
     */
    public void reconfigure(ConfigChanges changes) throws SQLException {
        BotConfig next = changes.next();
        Protections rules = changes.protections() ? locks.rulesFor(next.protections()) : null;
        ctx.reconfigure(next, changes.strategies());
        if (rules != null) {
            locks.use(rules);
        }
        if (changes.strategies()) {
            strategy.rebuildStrategies();
        }
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /**
     * Stops publishing a snapshot after each step, for a backtest that takes millions of steps and reads nobody's
     * status; {@link #latest()} then stays as it was.
     */
    public void stopPublishing() {
        publishing = false;
    }

    /** @return the protections' locks in force now, by end. */
    public List<EntryLock> locks() {
        return locks.now();
    }

    /** @return the locks in force now that stop the strategy buying {@code s}, by end; a forcebuy passes them. */
    public List<EntryLock> locksOn(Symbol s) {
        return locks.on(s);
    }

    /** @return the exit levels of the position in {@code s} now, empty when there is none. */
    public Optional<RiskManager.Protection> protection(Symbol s) {
        return ctx.positions.get(s).map(ctx::protection);
    }

    /** @return the stop the owner set on the position in {@code s}, empty when there is none */
    public Optional<OwnerStop> ownerStop(Symbol s) {
        return ctx.positions.get(s).flatMap(ctx.ownerStops::of);
    }

    /** @return the price at which selling the position {@code p} returns what it cost, fees included */
    public BigDecimal breakEvenPrice(Position p) {
        return ctx.riskFor(p.symbol()).breakEvenPrice(p);
    }

    /** @return the exchange's price tick for {@code s}, zero when it has none */
    public BigDecimal priceTick(Symbol s) {
        return ctx.risk.priceTick(s);
    }

    /** @return the state at the end of the last step (or the restore), for readers on any thread. */
    public TraderSnapshot latest() {
        return latest;
    }

    /** @return the state now; on the trading thread. */
    public TraderSnapshot snapshot() {
        return TraderSnapshot.take(ctx, strategy, desk, fills, locks, exchangeStops);
    }

    /** @return the switches. */
    public ControlState control() {
        return ctx.control;
    }

    /** @return the open positions. */
    public PositionBook positions() {
        return ctx.positions;
    }

    /** @return the order manager, for in-flight orders. */
    public OrderManager orders() {
        return ctx.orders;
    }

    /** @return whether protective exits act: {@code risk.protectiveExits}. */
    public boolean protectiveExits() {
        return ctx.config.risk().protectiveExits();
    }

    /** @return symbols whose fill waits for the store, so that they trade no further. */
    public Set<Symbol> pausedByStore() {
        return fills.paused();
    }

    /** @return symbols no longer configured whose position from an earlier run is still managed. */
    public Set<Symbol> unconfigured() {
        return ctx.unconfigured;
    }

    /** @return the journal of positions and trades, which statistics read. */
    public PositionJournal positionJournal() {
        return ctx.journals.positions();
    }

    /** @return a plug-in strategy's failures since start, each of which counted as a hold; 0 for a built-in one. */
    public long strategyErrors() {
        return strategy.strategyErrors();
    }

    /**
     * @return the equity now: the free quote balance and the open positions at their last price (at their entry cost
     *         before any price); read on the trading thread
     */
    public BigDecimal equity() {
        return desk.equity();
    }

    /** @return the equity journal, which {@code /equity} reads */
    public EquityJournal equityJournal() {
        return ctx.journals.equity();
    }

    /** @return equity samples that could not be written since the start */
    public long equityWriteFailures() {
        return equity.failures();
    }

    /** @return the last {@code n} closed candles held for {@code s}, oldest first; read on the trading thread. */
    public List<Candle> candles(Symbol s, int n) {
        return strategy.candles(s, n);
    }

    /** @return the configuration the trader runs with. */
    public BotConfig config() {
        return ctx.config;
    }

    /** @return the strategy. */
    public TradingStrategy strategy() {
        return ctx.strategy;
    }

    /** @return every symbol the bot manages: the configured ones, then those kept only for their position. */
    public List<Symbol> symbols() {
        return strategy.symbols();
    }

    /** @return positions open, plus entries waiting for the exchange (or the store) on symbols without one. */
    public int openOrPendingPositions() {
        return desk.openOrPendingPositions();
    }

    /** @return the free quote balance, less what buys waiting for the exchange will spend, fees included. */
    public BigDecimal freeQuote() {
        return ctx.freeQuote();
    }

    /** @return the position marked at the last price, empty when no price is known yet. */
    public Optional<Mark> mark(Position p) {
        return ctx.mark(p);
    }

    /** @return the price of {@code s} if it is recent enough to trade on. */
    public Optional<Ticker> freshPrice(Symbol s) {
        return ctx.freshPrice(s);
    }
}
