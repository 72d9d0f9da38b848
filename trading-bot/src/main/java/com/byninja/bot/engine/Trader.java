package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.Durations;
import com.byninja.bot.control.ControlState;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.engine.port.PositionJournal;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.orders.Resolution;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.Signal;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.Strategy;

/**
 * The trading decisions, on the trading thread: strategy signals on closed candles, protective exits on prices,
 * forced orders from commands, and the bookkeeping of fills. Not thread-safe: {@link TradingEngine} is its only
 * caller, and that is what makes it free of locks.
 *
 * <p>Rules a trader relies on:
 * <ul>
 *   <li>An entry counts toward {@code risk.maxOpenPositions} and one-position-per-symbol from the moment its order is
 *       created, not only once it fills.</li>
 *   <li>A fill is recorded (order, position, trade and its alerts in one transaction, each order at most once)
 *       before the book changes. If the write fails, the symbol is paused (no order, no stop), the owner is told
 *       once, and the write is tried again until it succeeds.</li>
 *   <li>Protective exits (stop-loss, take-profit, trailing stop) protect positions whatever the trading and sell
 *       switches say; those switches govern the strategy. Only {@code risk.protectiveExits: false} turns them off.</li>
 *   <li>A sell never asks for more than the account holds: within {@value #SELL_BALANCE_TOLERANCE_PCT} % the position
 *       is matched to the free balance first (a fee taken in the coin, not yet known).</li>
 * </ul>
 */
public final class Trader {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final int UNKNOWN_ORDERS_ALERT_AFTER = 3;
    /** How far below the position the free balance may be for a sell to be matched to it (Freqtrade: 2 %). */
    static final int SELL_BALANCE_TOLERANCE_PCT = 2;
    private static final long FIRST_STORE_RETRY_MS = 1_000;
    private static final long MAX_STORE_RETRY_MS = 30_000;

    /** Last prices, as the market monitors see them. */
    @FunctionalInterface
    public interface PriceSource {
        Optional<Ticker> last(Symbol symbol);
    }

    /** One symbol's candles and the strategy reading them; no strategy for a symbol kept only for its position. */
    private record Market(CandleSeries candles, Strategy strategy) {
    }

    /** A fill the store could not record yet, tried again until it is. */
    private static final class Unrecorded {
        final Order order;
        final boolean recovered;
        int attempts = 1;
        long delayMs = FIRST_STORE_RETRY_MS;
        Instant nextTry;

        Unrecorded(Order order, boolean recovered, Instant now) {
            this.order = order;
            this.recovered = recovered;
            this.nextTry = now.plusMillis(delayMs);
        }
    }

    private final BotConfig config;
    private final Clock clock;
    private final TradingStrategy strategy;
    private final RiskManager risk;
    private final OrderManager orders;
    private final PositionBook positions;
    private final ControlState control;
    private final Journals journals;
    private final TradeAlerts alerts;
    private final PriceSource prices;
    private final Map<Symbol, Market> markets = new LinkedHashMap<>();
    private final Set<Symbol> unconfigured = new LinkedHashSet<>();
    private final ExitRetries exits = new ExitRetries();
    private final Map<Symbol, Unrecorded> unrecorded = new LinkedHashMap<>();
    /**
     * Per symbol, base quantity a sell took off the position to match the account before the fee that explains it
     * was known; a fee found later is not taken off twice. Kept in memory: after a restart such a fee is taken off
     * again, leaving the position a little below the account, which the next sell leaves behind as dust.
     */
    private final Map<Symbol, BigDecimal> matchedAway = new HashMap<>();
    private final CachedBalances balances;
    private final TradingDay day;
    private final BooleanSupplier exchangeDown;
    private final String exchangeName;
    private boolean unknownOrdersAlerted;
    private long candles;
    private long signals;

    /**
     * Loads positions, switches and today's PnL from the store and takes over unfinished orders. A position on a
     * symbol that is no longer configured stays managed: priced, protected and closable, without a strategy.
     *
     * @param exchangeName the exchange's name for messages, such as {@code binance}
     * @throws SQLException when the store cannot be read
     */
    public Trader(BotConfig config, Clock clock, TradingStrategy strategy, RiskManager risk, OrderManager orders,
                  Journals journals, AlertSink alerts, PriceSource prices, Map<String, BigDecimal> balances,
                  BooleanSupplier exchangeDown, String exchangeName) throws SQLException {
        this.exchangeDown = exchangeDown;
        this.exchangeName = exchangeName;
        this.positions = new PositionBook(risk::quantityStep);
        this.config = config;
        this.clock = clock;
        this.strategy = strategy;
        this.risk = risk;
        this.orders = orders;
        this.journals = journals;
        this.alerts = new TradeAlerts(alerts, config.quoteCurrency(), clock);
        this.prices = prices;
        this.balances = new CachedBalances(balances);
        for (Symbol s : config.symbols()) {
            CandleSeries series = new CandleSeries(s, config.marketData().maxBars());
            markets.put(s, new Market(series, strategy.build(series.series())));
        }
        List<Position> saved = journals.positions().loadPositions();
        for (Position p : saved) {
            if (!markets.containsKey(p.symbol())) {
                unconfigured.add(p.symbol());
                markets.put(p.symbol(), new Market(new CandleSeries(p.symbol(), config.marketData().maxBars()),
                        null));
                LOG.warn("{} position of {} from an earlier run is not among the configured symbols; it stays "
                        + "priced, protected by its stops and closable with forcesell", p.symbol(),
                        Money.exact(p.quantity()));
                this.alerts.unconfiguredPosition(p);
            }
        }
        positions.restore(saved);
        Map<String, Flags> savedFlags = journals.control().loadFlags();
        Map<Symbol, Flags> perSymbol = new HashMap<>();
        config.symbols().forEach(s -> {
            if (savedFlags.containsKey(s.toString())) {
                perSymbol.put(s, savedFlags.get(s.toString()));
            }
        });
        Flags global = savedFlags.getOrDefault(ControlJournal.GLOBAL_SCOPE,
                new Flags(config.control().tradingOnFirstStart(), true, true));
        this.control = new ControlState(global, perSymbol, config.symbols());
        if (savedFlags.isEmpty()) {
            journals.control().saveFlags(ControlJournal.GLOBAL_SCOPE, global);
        }
        BigDecimal realisedToday = sum(journals.positions().closedTrades(null, TradingDay.startOfToday(clock)));
        this.day = new TradingDay(clock, realisedToday, risk.dailyLossLimitReached(realisedToday));
        int recovering = orders.recover();
        if (recovering > 0) {
            LOG.warn("{} order(s) left unfinished by the previous run; asking the exchange what became of them",
                    recovering);
        }
    }

    // ---- market events -------------------------------------------------------------------------------------

    /** Adds history without trading on it, and says where the strategy stands. */
    public void onHistory(Symbol symbol, List<Candle> history) {
        Market m = markets.get(symbol);
        if (m == null) {
            return;
        }
        int added = m.candles().addAll(history);
        if (m.strategy() != null) {
            LOG.info("{}: {} candles of history; {}; it decides again when the next {} candle closes", symbol, added,
                    strategy.explain(m.candles().series()), Durations.format(config.timeframe()));
        }
    }

    /** A candle closed: ask the strategy, and act on its signal where the switches and the risk rules allow. */
    public void onCandle(Candle candle) {
        Market m = markets.get(candle.symbol());
        if (m == null || !m.candles().add(candle) || m.strategy() == null) {
            return;
        }
        candles++;
        Signal signal = TradingStrategy.signalAt(m.strategy(), m.candles().series());
        Symbol s = candle.symbol();
        // One line per symbol and candle, so that a person watching the log sees the bot work while it waits.
        LOG.info("{} {} candle closed at {}: {}; {}", s, Durations.format(config.timeframe()),
                Money.price(candle.close()), strategy.explain(m.candles().series()), holding(s));
        if (signal == Signal.HOLD) {
            return;
        }
        signals++;
        if (!control.allows(s, Flag.TRADING)) {
            LOG.info("{} {} signal ignored: trading is stopped", s, signal);
            return;
        }
        if (signal == Signal.BUY) {
            strategyBuy(s, candle);
        } else if (positions.get(s).isPresent()) {
            if (!control.allows(s, Flag.SELL)) {
                LOG.info("{} exit signal ignored: selling is disabled", s);
                return;
            }
            sell(s, Purpose.EXIT);
        }
    }

    private void strategyBuy(Symbol s, Candle candle) {
        if (!control.allows(s, Flag.BUY)) {
            LOG.info("{} buy signal ignored: buying is disabled", s);
            return;
        }
        if (holdsOrWaits(s)) {
            LOG.debug("{} buy signal: position already open or entry waiting", s);
            return;
        }
        Optional<Rejection> refused = risk.checkBuy(buyCheck(s, risk.stakeAmount(), false));
        if (refused.isPresent()) {
            Rejection r = refused.get();
            LOG.info("{} buy signal at {} refused: {}", s, Money.exact(candle.close()), r);
            if (r.reason() == RejectReason.RISK_INSUFFICIENT_BALANCE) {
                alerts.buyRefused(s, r, clock.instant());
            }
            return;
        }
        submit(s, Purpose.ENTRY, risk.stakeAmount());
    }

    /**
     * Runs every check interval: rolls the day over, retries fills the store could not record, asks the exchange
     * about orders whose outcome or fees are unknown, and checks stop-loss, take-profit and the trailing stop against
     * the last prices.
     */
    public void periodicChecks() {
        day.rollOver();
        retryUnrecorded();
        orders.lookUpDue();
        for (Position p : List.copyOf(positions.all().values())) {
            Symbol s = p.symbol();
            Optional<Ticker> last = freshPrice(s);
            if (last.isEmpty() || unrecorded.containsKey(s)) {
                continue;
            }
            BigDecimal price = last.get().price();
            if (positions.markPrice(s, price) && config.risk().trailingStopPct().signum() > 0) {
                savePosition(positions.get(s).orElseThrow());
            }
            if (!config.risk().protectiveExits()) {
                continue;
            }
            Optional<Purpose> exit = risk.exitFor(positions.get(s).orElseThrow(), price);
            if (exit.isEmpty() || orders.inFlight(s).isPresent() || !exits.due(s, clock.instant())) {
                continue;
            }
            Purpose why = exit.get();
            if (exits.firstTrigger(s)) {
                alerts.exitHit(positions.get(s).orElseThrow(), why, price);
            }
            sell(s, why);
        }
    }

    // ---- commands -------------------------------------------------------------------------------------------

    /**
     * A {@code forcebuy}: a person's order, so neither the strategy nor the trading and buy switches nor the soft
     * limits (open positions, one per symbol, daily loss) stop it; the hard limits do (balance, maximum stake,
     * minimum size). On a symbol with a position it adds to it.
     *
     * @param amount the quote amount, or null for the configured stake
     */
    public Submission forceBuy(Symbol s, BigDecimal amount) {
        if (unconfigured.contains(s)) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_SYMBOL_NOT_CONFIGURED, s + " is no longer in the "
                    + "configuration: its position can only be sold (forcesell " + s + ")"));
        }
        BigDecimal stake = amount == null ? risk.stakeAmount() : amount;
        Optional<Rejection> refused = risk.checkBuy(buyCheck(s, stake, true));
        return refused.<Submission>map(Submission.Refused::new).orElseGet(() -> submit(s, Purpose.FORCE_BUY, stake));
    }

    /** A {@code forcesell}: a person's order, closing the whole position at market whatever the switches say. */
    public Submission forceSell(Symbol s) {
        return sell(s, Purpose.FORCE_SELL);
    }

    /**
     * Sets a switch, persisted before this returns.
     *
     * @param symbol the symbol, or null for the global switch
     * @throws SQLException when it could not be saved; the switch is then unchanged
     */
    public void setFlag(Symbol symbol, Flag flag, boolean value) throws SQLException {
        if (symbol == null) {
            Flags next = control.global().with(flag, value);
            journals.control().saveFlags(ControlJournal.GLOBAL_SCOPE, next);
            control.setGlobal(flag, value);
        } else {
            Flags next = control.of(symbol).with(flag, value);
            journals.control().saveFlags(symbol.toString(), next);
            control.set(symbol, flag, value);
        }
        LOG.info("{} {} {}", symbol == null ? "global" : symbol, flag.label(), value ? "on" : "off");
    }

    // ---- orders ---------------------------------------------------------------------------------------------

    private Submission sell(Symbol s, Purpose purpose) {
        Optional<Position> held = positions.get(s);
        if (held.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_NO_POSITION, "no open position in " + s));
        }
        Optional<Rejection> paused = pausedByStore(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Position p = matchToAccount(held.get());
        return submit(s, purpose, p.quantity());
    }

    /**
     * A sell must not ask for more than the account holds. Where the free balance is a little below the position (a
     * fee taken in the coin that is not known yet, a rounding), the position is matched to the balance and recorded
     * first; a larger gap is left to the exchange to refuse, and the refusal brings fresh balances.
     */
    private Position matchToAccount(Position p) {
        BigDecimal free = balances.free(p.symbol().base());
        if (free.signum() <= 0 || free.compareTo(p.quantity()) >= 0) {
            return p;
        }
        BigDecimal gap = p.quantity().subtract(free);
        if (gap.multiply(BigDecimal.valueOf(100)).compareTo(p.quantity().multiply(
                BigDecimal.valueOf(SELL_BALANCE_TOLERANCE_PCT))) > 0) {
            LOG.warn("{}: the account holds {} {} free, the position {}: more than {} % apart; selling the position "
                    + "and letting the exchange decide", p.symbol(), Money.exact(free), p.symbol().base(),
                    Money.exact(p.quantity()), SELL_BALANCE_TOLERANCE_PCT);
            return p;
        }
        Position matched = p.withCoinsTakenAsFee(gap, p.costOf(gap));
        try {
            journals.positions().savePosition(matched);
        } catch (SQLException e) {
            LOG.error("could not record the {} position matched to the account; selling the free balance anyway",
                    p.symbol(), e);
        }
        positions.replace(matched);
        matchedAway.merge(p.symbol(), gap, BigDecimal::add);
        LOG.warn("{}: the account holds {} {}, {} less than the position of {} (a fee taken in {} not yet known?); "
                + "the position is matched to the account", p.symbol(), Money.exact(free), p.symbol().base(),
                Money.exact(gap), Money.exact(p.quantity()), p.symbol().base());
        return matched;
    }

    private Submission submit(Symbol s, Purpose purpose, BigDecimal amount) {
        Optional<Rejection> paused = pausedByStore(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Submission result = orders.submit(s, purpose, amount);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            LOG.info("{} {} {} {} ({})", o.clientOrderId(), o.side(), s,
                    o.side() == Side.BUY ? Money.quote(amount) + " " + s.quote() : Money.exact(amount),
                    purpose.label());
        } else if (result instanceof Submission.Refused refused) {
            LOG.info("{} {} not placed: {}", s, purpose.label(), refused.rejection());
        }
        return result;
    }

    private Optional<Rejection> pausedByStore(Symbol s) {
        Unrecorded u = unrecorded.get(s);
        return u == null ? Optional.empty() : Optional.of(Rejection.of(RejectReason.STORE_ERROR, "the fill of order "
                + u.order.clientOrderId() + " could not be recorded yet; " + s + " waits until it is"));
    }

    /** Applies a result from the order executor. */
    public void onResult(GatewayResult result) {
        if (result instanceof GatewayResult.Balances b) {
            balances.replace(b.free());
            return;
        }
        Optional<Resolution> resolved = orders.onResult(result);
        if (resolved.isEmpty()) {
            if (orders.consecutiveUnknown() >= UNKNOWN_ORDERS_ALERT_AFTER && !unknownOrdersAlerted) {
                unknownOrdersAlerted = true;
                alerts.ordersUnanswered(orders.consecutiveUnknown());
            }
            return;
        }
        if (resolved.get() instanceof Resolution.Done done) {
            unknownOrdersAlerted = false;
            if (done.order().hasFill()) {
                applyFill(done.order(), done.recovered());
            } else {
                finishedWithoutFill(done.order(), done.recovered());
            }
        } else if (resolved.get() instanceof Resolution.GaveUp gaveUp) {
            LOG.warn("order {} never appeared on {} within {}; leaving it to the next start's reconciliation",
                    gaveUp.order().clientOrderId(), exchangeName, gaveUp.waited());
            alerts.gaveUp(gaveUp.order(), gaveUp.waited(), exchangeName);
            if (ExitRetries.isProtective(gaveUp.order().purpose())) {
                exits.notPlaced(gaveUp.order().symbol());
            }
        } else if (resolved.get() instanceof Resolution.FeesFound found) {
            feesFound(found.order(), found.fees());
        }
    }

    private void finishedWithoutFill(Order order, boolean recovered) {
        Symbol s = order.symbol();
        List<OutboxAlert> raised = new ArrayList<>();
        boolean protective = ExitRetries.isProtective(order.purpose());
        boolean forced = order.purpose() == Purpose.FORCE_BUY || order.purpose() == Purpose.FORCE_SELL;
        boolean announceRefusal = false;
        if (order.status() == OrderStatus.CANCELLED) {
            if (recovered || forced) {
                raised.add(alerts.notPlaced(order, recovered));
            }
            if (protective) {
                exits.notPlaced(s);
            }
        } else if (order.status() == OrderStatus.REJECTED) {
            if (order.refusal() == Refusal.INSUFFICIENT_BALANCE) {
                orders.refreshBalances();
            }
            if (protective) {
                announceRefusal = exits.refused(s, order.refusal(), clock.instant());
            } else {
                raised.add(alerts.orderRejected(order, recovered));
            }
        }
        if (orders.persist(order, raised)) {
            alerts.sink().deliver(raised);
        }
        LOG.warn("order {} ({} {} {}) {}: {}", order.clientOrderId(), order.side(), s, order.purpose().label(),
                order.status().label(), order.reason());
        if (announceRefusal) {
            alerts.exitRefused(order, exits.waitMs(s, clock.instant()), ExitRetries.MAX_DELAY_MS);
        }
    }

    private void applyFill(Order order, boolean recovered) {
        Symbol s = order.symbol();
        if (order.side() == Side.SELL && positions.get(s).isEmpty()) {
            record(order, new FillOutcome(s, null, null, null, BigDecimal.ZERO),
                    List.of(alerts.soldWithoutPosition(order, recovered)), recovered);
            return;
        }
        FillOutcome outcome = positions.outcomeOf(order);
        List<OutboxAlert> raised = new ArrayList<>();
        ClosedTrade trade = outcome.closedTrade();
        boolean countsToday = false;
        boolean announceLimit = false;
        if (order.side() == Side.BUY) {
            raised.add(alerts.bought(order, outcome.after(), outcome.opened(), recovered));
        } else {
            raised.add(alerts.sold(order, trade, outcome.closed(), recovered));
            day.rollOver();
            // A sell found after midnight that filled before it belongs to the day it closed.
            countsToday = !trade.closedAt().isBefore(day.start());
            BigDecimal today = countsToday ? day.realised().add(trade.realisedPnl()) : day.realised();
            announceLimit = countsToday && risk.dailyLossLimitReached(today) && !day.limitAnnounced();
            if (announceLimit) {
                raised.add(alerts.dailyLossLimit(today, risk.dailyLossLimit()));
            }
        }
        if (!record(order, outcome, raised, recovered)) {
            return;
        }
        positions.apply(outcome);
        balances.applyFill(order);
        if (countsToday) {
            day.add(trade.realisedPnl());
        }
        if (announceLimit) {
            day.announceLimit();
        }
        if (order.side() == Side.SELL && outcome.closed()) {
            matchedAway.remove(s);
            int refusals = exits.end(s);
            if (refusals > 0 && ExitRetries.isProtective(order.purpose())) {
                alerts.exitRecovered(order, refusals);
            }
        }
        if (!order.feesKnown()) {
            LOG.warn("the fees of order {} are not known yet; they are looked up until they are", order.clientOrderId());
            orders.lookUpFees(order);
        }
    }

    /**
     * Records a fill with its alerts, once. A failed write pauses the symbol and is tried again.
     *
     * @return whether this call applied it, so the book may follow
     */
    private boolean record(Order order, FillOutcome outcome, List<OutboxAlert> raised, boolean recovered) {
        Symbol s = order.symbol();
        boolean applied;
        try {
            applied = journals.orders().recordFill(order, outcome, raised);
        } catch (SQLException e) {
            Unrecorded u = unrecorded.get(s);
            if (u == null) {
                unrecorded.put(s, new Unrecorded(order, recovered, clock.instant()));
                LOG.error("could not record the fill of {}; {} is paused until it is recorded", order.clientOrderId(),
                        s, e);
                alerts.fillNotRecorded(order, String.valueOf(e.getMessage()));
            } else {
                u.attempts++;
                u.delayMs = Math.min(u.delayMs * 2, MAX_STORE_RETRY_MS);
                u.nextTry = clock.instant().plusMillis(u.delayMs);
                LOG.debug("recording the fill of {} failed again ({} attempts)", order.clientOrderId(), u.attempts);
            }
            return false;
        }
        Unrecorded was = unrecorded.remove(s);
        if (was != null) {
            LOG.info("the fill of {} is recorded after {} attempts; {} trades again", order.clientOrderId(),
                    was.attempts + 1, s);
            alerts.fillRecordedLate(order, was.attempts + 1);
        }
        if (!applied) {
            LOG.warn("order {} had already been applied; not applying it twice", order.clientOrderId());
            return false;
        }
        alerts.sink().deliver(raised);
        return true;
    }

    private void retryUnrecorded() {
        Instant now = clock.instant();
        for (Unrecorded u : List.copyOf(unrecorded.values())) {
            if (!now.isBefore(u.nextTry)) {
                applyFill(u.order, u.recovered);
            }
        }
    }

    /** The fees of an order applied without them are known now: the position follows (a fee in the coin). */
    private void feesFound(Order order, List<Fee> fees) {
        Symbol s = order.symbol();
        Order withFees = order.withFees(fees);
        BigDecimal baseFee = withFees.fee(s.base());
        BigDecimal quoteFee = withFees.fee(s.quote());
        Position after = null;
        Optional<Position> p = positions.get(s);
        if (order.side() == Side.BUY && p.isPresent() && !order.updatedAt().isBefore(p.get().openedAt())) {
            // A sell may already have matched the position to the account, taking these coins off: not twice.
            BigDecimal already = baseFee.min(matchedAway.getOrDefault(s, BigDecimal.ZERO));
            BigDecimal lost = baseFee.subtract(already);
            if (lost.compareTo(p.get().quantity()) < 0) {
                Position net = p.get().withCoinsTakenAsFee(lost, lost.multiply(order.averagePrice()));
                after = new Position(s, net.quantity(), net.entryCost(), net.entryFees().add(quoteFee),
                        net.openedAt(), net.highestPrice());
            }
            if (already.signum() > 0) {
                matchedAway.merge(s, already.negate(), BigDecimal::add);
            }
        }
        BigDecimal sellFee = order.side() == Side.SELL ? quoteFee.add(baseFee.multiply(order.averagePrice()))
                : BigDecimal.ZERO;
        try {
            journals.orders().recordFees(withFees, after, sellFee);
        } catch (SQLException e) {
            LOG.error("could not record the fees of {}; they are looked up again", order.clientOrderId(), e);
            orders.lookUpFees(order);
            return;
        }
        if (after != null) {
            positions.replace(after);
        }
        LOG.info("fees of order {} found: {}{}", order.clientOrderId(), Fee.format(fees), after == null ? ""
                : "; " + s + " position now " + Money.exact(after.quantity()));
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /** @return {@code "no position"}, or the position and what selling it now would earn, for progress lines. */
    private String holding(Symbol s) {
        Optional<Position> p = positions.get(s);
        if (p.isEmpty()) {
            return orders.inFlight(s).isPresent() ? "an order is waiting for the exchange" : "no position";
        }
        String line = "holding " + Money.exact(p.get().quantity()) + " " + s.base();
        Optional<Mark> m = mark(p.get());
        return m.isEmpty() ? line : line + ", unrealised " + Money.signed(m.get().unrealisedPnl()) + " " + s.quote();
    }

    /** @return whether {@code s} holds a position or has an entry waiting for the exchange. */
    private boolean holdsOrWaits(Symbol s) {
        return positions.get(s).isPresent() || orders.inFlight(s).filter(o -> o.side() == Side.BUY).isPresent()
                || unrecordedEntry(s);
    }

    private boolean unrecordedEntry(Symbol s) {
        Unrecorded u = unrecorded.get(s);
        return u != null && u.order.side() == Side.BUY;
    }

    /** @return positions open, plus entries waiting for the exchange (or the store) on symbols without one. */
    public int openOrPendingPositions() {
        Set<Symbol> counted = new LinkedHashSet<>(positions.all().keySet());
        orders.inFlight().stream().filter(o -> o.side() == Side.BUY).forEach(o -> counted.add(o.symbol()));
        unrecorded.keySet().stream().filter(this::unrecordedEntry).forEach(counted::add);
        return counted.size();
    }

    private RiskManager.BuyCheck buyCheck(Symbol s, BigDecimal amount, boolean forced) {
        return new RiskManager.BuyCheck(s, amount, forced, freeQuote(), openOrPendingPositions(), holdsOrWaits(s),
                day.realised(), freshPrice(s).isPresent(), exchangeDown.getAsBoolean());
    }

    /** @return the free quote balance, less what buys waiting for the exchange will spend, fees included. */
    public BigDecimal freeQuote() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (Order o : orders.inFlight()) {
            if (o.side() == Side.BUY) {
                reserved = reserved.add(o.quoteAmount()).add(risk.feeOf(o.quoteAmount()));
            }
        }
        return balances.free(config.quoteCurrency()).subtract(reserved);
    }

    /** @return the price of {@code s} if it is recent enough to trade on. */
    public Optional<Ticker> freshPrice(Symbol s) {
        return prices.last(s).filter(t -> Duration.between(t.time(), clock.instant()).toMillis()
                <= config.marketData().staleAfterMs());
    }

    /**
     * What an open position is worth now.
     *
     * @param price         the last price, however old
     * @param unrealisedPnl what selling at that price would earn, after the exit fee
     * @param stale         whether the price is older than {@code marketData.staleAfterMs}
     * @param ageMs         the price's age
     */
    public record Mark(BigDecimal price, BigDecimal unrealisedPnl, boolean stale, long ageMs) {
    }

    /** @return the position marked at the last price, empty when no price is known yet. */
    public Optional<Mark> mark(Position p) {
        return prices.last(p.symbol()).map(t -> {
            long age = Math.max(0, Duration.between(t.time(), clock.instant()).toMillis());
            return new Mark(t.price(), p.unrealisedPnl(t.price(), risk.feePct()),
                    age > config.marketData().staleAfterMs(), age);
        });
    }

    /** @return the last price of {@code s}, however old. */
    public Optional<Ticker> lastPrice(Symbol s) {
        return prices.last(s);
    }

    private void savePosition(Position p) {
        try {
            journals.positions().savePosition(p);
        } catch (SQLException e) {
            LOG.error("could not save the {} position's high-water mark", p.symbol(), e);
        }
    }

    private static BigDecimal sum(List<ClosedTrade> trades) {
        return trades.stream().map(ClosedTrade::realisedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return the switches. */
    public ControlState control() {
        return control;
    }

    /** @return the open positions. */
    public PositionBook positions() {
        return positions;
    }

    /** @return the order manager, for in-flight orders. */
    public OrderManager orders() {
        return orders;
    }

    /** @return the risk rules. */
    public RiskManager risk() {
        return risk;
    }

    /** @return cached free balances by currency. */
    public Map<String, BigDecimal> balances() {
        return balances.snapshot();
    }

    /** @return realised PnL since midnight UTC. */
    public BigDecimal realisedToday() {
        return day.realised();
    }

    /** @return when today (UTC) began. */
    public Instant todayStart() {
        return day.start();
    }

    /** @return whether the daily loss limit stops buying now. */
    public boolean dailyLossLimitReached() {
        return risk.dailyLossLimitReached(day.realised());
    }

    /** @return whether protective exits act: {@code risk.protectiveExits}. */
    public boolean protectiveExits() {
        return config.risk().protectiveExits();
    }

    /** @return symbols whose fill waits for the store, so that they trade no further. */
    public Set<Symbol> pausedByStore() {
        return Set.copyOf(unrecorded.keySet());
    }

    /** @return candles the strategy has read since start. */
    public long candlesProcessed() {
        return candles;
    }

    /** @return buy or sell signals since start. */
    public long signals() {
        return signals;
    }

    /** @return candles held for {@code s}. */
    public int barCount(Symbol s) {
        Market m = markets.get(s);
        return m == null ? 0 : m.candles().size();
    }

    /** @return the strategy. */
    public TradingStrategy strategy() {
        return strategy;
    }

    /** @return every symbol the bot manages: the configured ones, then those kept only for their position. */
    public List<Symbol> symbols() {
        return new ArrayList<>(markets.keySet());
    }

    /** @return symbols no longer configured whose position from an earlier run is still managed. */
    public Set<Symbol> unconfigured() {
        return Set.copyOf(unconfigured);
    }

    /** @return the position journal, for statistics. */
    public PositionJournal positionJournal() {
        return journals.positions();
    }
}
